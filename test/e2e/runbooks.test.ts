import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceReleases, repoRoot } from '../helpers/reference-releases.js';
import { freePort } from '../helpers/net.js';
import { findExecutable } from '../helpers/tools.js';
import { runLoad } from '../../examples/dhash-service/loadgen/loadgen.js';
import { startWebhook, type LoopbackServer } from '../helpers/loopback.js';

// The seed's runbook blocks pasted into a shell, line for line, in a scratch workspace laid out
// like the seed's repository (scripts/ and dist/ beside quality-gates-config.json), against the
// real reference service on a local target. Around every dry-run and every refusal the whole
// workspace tree (and the target inside it) is compared: nothing may appear, change or vanish,
// except new log files in monitor_logs/.

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

let workspace: string;
let releases: string;
let env: NodeJS.ProcessEnv;
let port: number;
let webhook: LoopbackServer;
const received: unknown[] = [];

function sh(command: string, extraEnv: NodeJS.ProcessEnv = {}, cwd = workspace): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], {
      cwd,
      env: { ...env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

async function expectExit(command: string, code: number, extraEnv: NodeJS.ProcessEnv = {}): Promise<Ran> {
  const ran = await sh(command, extraEnv);
  if (ran.code !== code) console.log(`${command}\nexit ${ran.code}\n${ran.stdout}\n${ran.stderr}`);
  expect([command, ran.code]).toEqual([command, code]);
  return ran;
}

/** Every path under `root` with its kind and content hash; monitor_logs/*.log files are left out. */
function tree(root: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const key = rel ? `${rel}/${name}` : name;
      // The log folder is the state directory: logs may appear there, nowhere else.
      if (key === 'monitor_logs' || /^monitor_logs\/.*\.log$/.test(key)) continue;
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) entries.set(key, `link ${readlinkSync(path)}`);
      else if (stat.isDirectory()) {
        entries.set(key, 'dir');
        walk(path, key);
      } else entries.set(key, `file ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
    }
  };
  walk(root, '');
  return entries;
}

function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of before)
    if (after.get(k) !== v) out.push(`${after.has(k) ? 'changed' : 'removed'} ${k}`);
  for (const k of after.keys()) if (!before.has(k)) out.push(`created ${k}`);
  return out;
}

/** Runs `command` and asserts it exits `code` and leaves `root` as it was. */
async function leavesNothing(
  command: string,
  code: number,
  extraEnv: NodeJS.ProcessEnv = {},
  root = workspace,
) {
  const before = tree(root);
  const ran = await sh(command, extraEnv, root);
  if (ran.code !== code) console.log(`${command}\nexit ${ran.code}\n${ran.stdout}\n${ran.stderr}`);
  expect({ command, code: ran.code, changes: differences(before, tree(root)) }).toEqual({
    command,
    code,
    changes: [],
  });
  return ran;
}

async function health(): Promise<{ status: string; version: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/health`);
  return (await res.json()) as { status: string; version: string };
}

describe('the seed runbooks, block by block, verbatim', () => {
  beforeAll(async () => {
    releases = await referenceReleases();
    workspace = mkdtempSync(join(tmpdir(), 'dhash-runbooks-'));
    symlinkSync(join(repoRoot, 'scripts'), join(workspace, 'scripts'));
    symlinkSync(join(repoRoot, 'dist'), join(workspace, 'dist'));
    port = await freePort();
    // A real webhook receiver, so the notification examples deliver (and exit 0).
    webhook = await startWebhook('/hook', [
      (req, res) => {
        // One message is refused, so the fallback file and its runbook line have something to show.
        if (req.body.includes('fallback-check')) return void res.writeHead(503).end('unavailable');
        received.push(JSON.parse(req.body));
        res.writeHead(200).end('ok');
      },
    ]);
    const config = JSON.parse(readFileSync(join(repoRoot, 'quality-gates-config.json'), 'utf8'));
    const production = config.environments.production;
    production.service.base_url = `http://127.0.0.1:${port}`;
    production.service.admin_path = '/admin/queue';
    production.target = {
      type: 'local',
      root: join(workspace, 'target'),
      start_command: 'node server.js',
      health_timeout_seconds: 30,
      stop_timeout_seconds: 5,
    };
    production.monitoring = {
      window_minutes: 0.2,
      poll_intervals: { initial_minutes: 0.05, initial_interval_seconds: 1, normal_interval_seconds: 2 },
    };
    production.quality_gates.health.confirm_interval_seconds = 1;
    production.quality_gates.health.threshold.check_interval_seconds = 1;
    // The runbook lists backups/ from where it runs (the workspace), so they are kept there.
    production.backup = { ...production.backup, dir: join(workspace, 'backups') };
    production.notifications = {
      channels: { webhook: { enabled: true } },
      deadline_seconds: 5,
      attempt_timeout_seconds: 2,
      max_attempts: 1,
      allow_insecure_loopback: true,
    };
    delete config.$schema;
    writeFileSync(join(workspace, 'quality-gates-config.json'), JSON.stringify(config, null, 2));
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GENERIC_WEBHOOK_URL: webhook.url,
    };
  }, 240_000);

  afterAll(async () => {
    const run = join(workspace, 'target', 'run', 'dhash.pid');
    if (existsSync(run)) {
      const pid = Number(readFileSync(run, 'utf8'));
      for (const target of [-pid, pid]) {
        try {
          process.kill(target, 'SIGTERM');
        } catch {
          /* already gone */
        }
      }
    }
    await webhook.close();
  });

  test('before anything is deployed, the Dry-run block and refusals create nothing', async () => {
    // No target root yet: a dry-run or a refusal must not create it (nor a database, nor a lock).
    await leavesNothing('./scripts/backup_dhash.sh --dry-run --env production', 2);
    await leavesNothing('./scripts/migrate_dhash.sh --dry-run --env production', 2);
    const deploy = await leavesNothing('./scripts/deploy_dhash.sh --dry-run --env production', 2);
    expect(deploy.stderr).toMatch(/no release given and no release is staged in .*target\/releases/);
    await leavesNothing('./scripts/migrate_dhash.sh --env production --migrations-dir typo', 2);
    expect(existsSync(join(workspace, 'target'))).toBe(false);
  }, 120_000);

  test('Deploy, monitoring and notification examples, Emergency Rollback, then the Dry-run block', async () => {
    // The first release, as an operator would put it there (DHASH_RELEASE names it).
    await expectExit('./scripts/deploy_dhash.sh --env production', 0, {
      DHASH_RELEASE: join(releases, '1.0.0'),
    });
    expect(await health()).toMatchObject({ status: 'ok', version: '1.0.0' });

    // Deploy block; the deploy line runs on a pseudo-terminal: step lines and a spinner, no JSON.
    await expectExit('./scripts/backup_dhash.sh --env production', 0);
    const script = findExecutable('script');
    const deployLine = './scripts/deploy_dhash.sh --env production --backup-first';
    if (script) {
      const tty = await expectExit(`script -qefc '${deployLine}' /dev/null`, 0, {
        DHASH_RELEASE: join(releases, '2.0.0'),
      });
      expect(tty.stdout).toMatch(/✔ deploy backup: backup written to/);
      expect(tty.stdout).toMatch(/✔ deploy migrate: migrations applied/);
      expect(tty.stdout).toMatch(
        /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] waiting up to 30 s for http:\/\/127\.0\.0\.1:\d+\/health · \d+\.\d s/,
      );
      expect(tty.stdout).toMatch(/✔ deploy health: HTTP 200/);
      expect(tty.stdout).not.toMatch(/\{"(deployment_id|step|environment)"/);
    } else {
      await expectExit(deployLine, 0, { DHASH_RELEASE: join(releases, '2.0.0') });
    }
    expect(await health()).toMatchObject({ status: 'ok', version: '2.0.0' });
    // The window is judged on real traffic (with none, the gates are inconclusive).
    const load = new AbortController();
    const traffic = runLoad({
      url: `http://127.0.0.1:${port}`,
      rate: 25,
      durationSeconds: 60,
      signal: load.signal,
    }).catch(() => undefined);
    try {
      await expectExit('node scripts/monitor_dhash.js --env production', 0);
    } finally {
      load.abort();
      await traffic;
    }

    // Monitoring and notification examples.
    await expectExit('./scripts/smoke_tests.sh', 0);
    await expectExit('node scripts/validate_logging.js', 0);
    await expectExit('tail -n 3 monitor_logs/dhash_production_*.log', 0);
    const grep = await expectExit('grep "Quality gate" monitor_logs/dhash_production_*.log', 0);
    expect(grep.stdout).toMatch(/Quality gate p95_hash_time: /);
    const before = received.length;
    await expectExit('node scripts/notify.js --env production --level info --message "runbook check"', 0);
    await expectExit(
      'node scripts/deploy-notify.js --event deployment_start --env production --version 2.0.0',
      0,
    );
    expect(received.length).toBe(before + 2);
    await expectExit('node scripts/notify.js --env production --level warning --message "fallback-check"', 1);
    const fallback = await expectExit('cat monitor_logs/notification_fallback.jsonl | tail -5 | jq .', 0);
    expect(fallback.stdout).toContain('"channel": "webhook"');
    expect(fallback.stdout).not.toContain('/hook');

    // Emergency Rollback: the newest backup (taken by --backup-first, before 2.0.0) goes back.
    await expectExit(
      [
        'LATEST_BACKUP=$(ls -1 backups/dhash_*.zip | sort -r | head -n1)',
        'sha256sum -c "${LATEST_BACKUP}.sha256"',
        './scripts/rollback_dhash.sh --backup "$LATEST_BACKUP" --env production',
      ].join('\n'),
      0,
      { DHASH_ROLLBACK_CONFIRM: 'production' },
    );
    expect(await health()).toMatchObject({ status: 'ok', version: '1.0.0' });

    // Refusals change nothing: no confirmation, a held lock, a typo'd folder, an edited migration.
    await leavesNothing('./scripts/rollback_dhash.sh --backup latest --env production', 4);
    await leavesNothing('./scripts/migrate_dhash.sh --env production --release dist', 2);
    await leavesNothing(
      `./scripts/migrate_dhash.sh --env production --release ${join(releases, '2.0.0')}`,
      4,
    );
    await leavesNothing('./scripts/deploy_dhash.sh --env production --release nowhere', 2);

    // Dry-run block, verbatim, with no DHASH_RELEASE: the deploy plans the newest staged release.
    await leavesNothing('./scripts/backup_dhash.sh --dry-run --env production', 0);
    const migrate = await leavesNothing('./scripts/migrate_dhash.sh --dry-run --env production', 0);
    expect(migrate.stdout).toMatch(/Migration plan \(dry-run, nothing changed\)/);
    const deploy = await leavesNothing('./scripts/deploy_dhash.sh --dry-run --env production', 0);
    expect(deploy.stdout).toMatch(
      /release: .*target\/releases\/\S+ \(from the newest release staged in .*target\/releases\)/,
    );
    await leavesNothing('node scripts/monitor_dhash.js --env production --dry-run', 0);
  }, 400_000);
});
