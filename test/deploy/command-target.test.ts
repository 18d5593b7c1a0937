import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive } from '../../src/adapters/targets/supervisor.js';
import { closeHttpAgents, httpRequest } from '../../src/runtime/http.js';
import { cli, hashTree } from './helpers.js';
import { freePort } from '../helpers/net.js';
import { referenceReleases, writeConfig } from '../helpers/reference-releases.js';
import { dumpDatabase, schemaVersions } from './db-dump.js';

/**
 * The operator's scripts for a `command` target: here they manage a service directory on this
 * host with plain POSIX sh, as a real one would drive ssh or kubectl. They use only the
 * documented DHASH_* variables and the target's `env`.
 */
const COMMON = `set -eu
svc="$SVC_ROOT"
mkdir -p "$svc/releases" "$svc/run"
stop_service() {
  if [ -f "$svc/run/pid" ]; then
    pid=$(cat "$svc/run/pid"); rm -f "$svc/run/pid"
    kill "$pid" 2>/dev/null || true
    i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
  fi
}
start_service() {
  cd "$svc/current"
  nohup node server.js </dev/null >>"$svc/run/service.log" 2>&1 &
  echo $! > "$svc/run/pid"
  echo "started $(basename "$(readlink "$svc/current")") as pid $(cat "$svc/run/pid")"
}
`;
const SCRIPTS: Record<string, string> = {
  'deploy.sh': `${COMMON}
echo "deploying $DHASH_RELEASE from $DHASH_RELEASE_PATH (deployment $DHASH_DEPLOYMENT_ID, env $DHASH_ENV, previous '$DHASH_PREVIOUS_RELEASE')"
rm -rf "$svc/releases/$DHASH_RELEASE"
cp -R "$DHASH_RELEASE_PATH" "$svc/releases/$DHASH_RELEASE"
ln -sfn "releases/$DHASH_RELEASE" "$svc/current.tmp" && mv -T "$svc/current.tmp" "$svc/current"
stop_service
start_service
`,
  'restart.sh': `${COMMON}
stop_service
start_service
`,
  'rollback.sh': `${COMMON}
echo "rolling back from $DHASH_FAILED_RELEASE to '$DHASH_RELEASE'"
stop_service
if [ -z "$DHASH_RELEASE" ]; then rm -f "$svc/current"; echo "no previous release"; exit 0; fi
ln -sfn "releases/$DHASH_RELEASE" "$svc/current.tmp" && mv -T "$svc/current.tmp" "$svc/current"
start_service
`,
  'status.sh': `set -eu
svc="$SVC_ROOT"
release=""
[ -L "$svc/current" ] && release=$(basename "$(readlink "$svc/current")")
if [ -f "$svc/run/pid" ] && kill -0 "$(cat "$svc/run/pid")" 2>/dev/null; then
  echo "{\\"release\\": \\"$release\\", \\"running\\": true}"; exit 0
fi
echo "{\\"release\\": \\"$release\\", \\"running\\": false}"; exit 3
`,
};

describe('deploy through a command target driving shell scripts', () => {
  let releases: string;
  let work: string;
  let svc: string;
  let baseUrl: string;
  const db = () => join(svc, 'data', 'dhash.sqlite');
  const deploy = (release: string, ...extra: string[]) =>
    cli(
      ['deploy', '--release', join(releases, release), '--json', '--log-dir', join(work, 'logs'), ...extra],
      work,
    );

  beforeAll(async () => {
    releases = await referenceReleases();
    work = mkdtempSync(join(tmpdir(), 'dhash-command-target-'));
    svc = join(work, 'service-host');
    mkdirSync(join(work, 'ops'));
    for (const [name, body] of Object.entries(SCRIPTS)) {
      writeFileSync(join(work, 'ops', name), body);
      chmodSync(join(work, 'ops', name), 0o755);
    }
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    writeConfig(work, {
      service: { base_url: baseUrl },
      target: {
        type: 'command',
        commands: {
          deploy: 'sh ops/deploy.sh',
          restart: 'sh ops/restart.sh',
          rollback: 'sh ops/rollback.sh',
          status: 'sh ops/status.sh',
        },
        timeout_seconds: 60,
        health_timeout_seconds: 20,
        env: {
          SVC_ROOT: svc,
          DHASH_PORT: String(port),
          DHASH_HOST: '127.0.0.1',
          DHASH_DB_PATH: join(svc, 'data', 'dhash.sqlite'),
          DHASH_AUTO_MIGRATE: '0',
        },
      },
      migrations: { driver: 'embedded', database_path: join(svc, 'data', 'dhash.sqlite') },
    });
  }, 120_000);

  afterAll(async () => {
    const pidFile = join(svc, 'run', 'pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8'));
      if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
    }
    await closeHttpAgents();
    rmSync(work, { recursive: true, force: true });
  });

  test('dry-run, v1, a failed health check rolled back by the rollback script, then v2', async () => {
    const before = hashTree(work);
    const plan = await deploy('2.0.0', '--dry-run');
    expect(plan.code).toBe(0);
    const planned = JSON.parse(plan.stdout);
    expect(planned.migrations.pending.map((m: { version: number }) => m.version)).toEqual([1, 2]);
    expect(planned.steps.find((s: { step: string }) => s.step === 'stage').detail).toMatch(
      /run the deploy command "sh ops\/deploy.sh" with DHASH_RELEASE=2.0.0/,
    );
    // Only the dry-run's own log was written.
    rmSync(join(work, 'logs'), { recursive: true, force: true });
    expect(hashTree(work)).toBe(before);

    const first = await deploy('1.0.0');
    expect(first.code).toBe(0);
    const firstResult = JSON.parse(first.stdout);
    expect(firstResult.target).toBe('command target (deploy: "sh ops/deploy.sh")');
    const log = readFileSync(firstResult.logPath, 'utf8');
    // The script's output is streamed into the deploy log, line by line.
    expect(log).toMatch(
      /"message":"deploying 1\.0\.0 from .*1\.0\.0 \(deployment staging-\d{8}_\d{6}-[0-9a-f]{6}, env staging, previous ''\)"/,
    );
    expect((await httpRequest({ url: `${baseUrl}/health` })).json()).toMatchObject({
      status: 'ok',
      version: '1.0.0',
    });
    expect(await schemaVersions(db())).toEqual([1]);

    const dbBefore = await dumpDatabase(db());
    const failed = await deploy('fault-health-fail');
    expect(failed.code).toBe(1);
    const failure = JSON.parse(failed.stdout);
    expect(failure.undo.map((u: { step: string; status: string }) => `${u.step}:${u.status}`)).toEqual([
      'activate:done',
      'migrate:done',
      'stage:done',
    ]);
    expect(failure.liveRelease).toBe('1.0.0');
    expect(readFileSync(failure.logPath, 'utf8')).toContain("rolling back from fault-health-fail to '1.0.0'");
    expect(readlinkSync(join(svc, 'current'))).toBe(join('releases', '1.0.0'));
    expect((await httpRequest({ url: `${baseUrl}/health` })).json()).toMatchObject({
      status: 'ok',
      version: '1.0.0',
    });
    expect(await dumpDatabase(db())).toBe(dbBefore);

    const second = await deploy('2.0.0');
    expect(second.code).toBe(0);
    expect((await httpRequest({ url: `${baseUrl}/health` })).json()).toMatchObject({
      status: 'ok',
      version: '2.0.0',
    });
    expect(await schemaVersions(db())).toEqual([1, 2]);
  }, 180_000);

  test('a failing deploy command fails the step with its last output lines', async () => {
    writeFileSync(
      join(work, 'ops', 'deploy.sh'),
      'echo "kubectl: connecting"\necho "error: the server doesn\'t have a resource type \\"dhash\\"" >&2\nexit 42\n',
    );
    const run = await deploy('3.0.0', '--skip-health-check');
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    const activate = result.steps.find((s: { step: string }) => s.step === 'activate');
    expect(activate.status).toBe('failed');
    expect(activate.detail).toMatch(
      /deploy command failed with exit code 42; last output:\n {2}\| kubectl: connecting\n {2}\| error: the server doesn't have a resource type "dhash"/,
    );
    writeFileSync(join(work, 'ops', 'deploy.sh'), SCRIPTS['deploy.sh']);
  });
});
