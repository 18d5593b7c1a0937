import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashTree } from '../deploy/helpers.js';
import { referenceReleases, repoRoot } from '../helpers/reference-releases.js';
import { freePort } from '../helpers/net.js';
import { runLoad } from '../../examples/dhash-service/loadgen/loadgen.js';

// Every command line of the seed runbook, verbatim, in a workspace laid out like the seed's repo
// (scripts/ and dist/ beside quality-gates-config.json), against the real reference service on a
// local target. The scripts run the committed dist/cli.js, as an operator's checkout would.

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

let workspace: string;
let releases: string;
let env: NodeJS.ProcessEnv;

function sh(command: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], {
      cwd: workspace,
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

async function expectOk(command: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Ran> {
  const ran = await sh(command, extraEnv);
  if (ran.code !== 0) console.log(`${command}\nexit ${ran.code}\n${ran.stdout}\n${ran.stderr}`);
  expect([command, ran.code]).toEqual([command, 0]);
  return ran;
}

async function health(port: number): Promise<{ status: string; version: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/health`);
  return (await res.json()) as { status: string; version: string };
}

describe('seed runbook commands, verbatim', () => {
  let port: number;
  beforeAll(async () => {
    releases = await referenceReleases();
    workspace = mkdtempSync(join(tmpdir(), 'dhash-seed-'));
    symlinkSync(join(repoRoot, 'scripts'), join(workspace, 'scripts'));
    symlinkSync(join(repoRoot, 'dist'), join(workspace, 'dist'));
    port = await freePort();
    const deadPort = await freePort();
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
    // The seed runbook lists backups/ from where it runs (the workspace), so they are kept there.
    production.backup = { ...production.backup, dir: join(workspace, 'backups') };
    // A short real window; the gates and thresholds are production's.
    production.monitoring = {
      window_minutes: 0.2,
      poll_intervals: { initial_minutes: 0.05, initial_interval_seconds: 1, normal_interval_seconds: 2 },
    };
    production.quality_gates.health.confirm_interval_seconds = 1;
    production.quality_gates.health.threshold.check_interval_seconds = 1;
    // Nothing listens on the webhook: every message lands in the fallback file, as at 3 a.m. with Slack down.
    production.notifications = {
      channels: { webhook: { enabled: true } },
      deadline_seconds: 2,
      attempt_timeout_seconds: 1,
      max_attempts: 1,
      allow_insecure_loopback: true,
    };
    delete config.$schema;
    writeFileSync(join(workspace, 'quality-gates-config.json'), JSON.stringify(config, null, 2));
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GENERIC_WEBHOOK_URL: `http://127.0.0.1:${deadPort}/hook`,
    };
    await expectOk(`./scripts/deploy_dhash.sh --env production --release ${releases}/1.0.0`);
  }, 240_000);

  afterAll(async () => {
    // Stop the supervised service through the product's own target (its pid file).
    const pidFile = readdirSync(join(workspace, 'target'), { recursive: true, withFileTypes: false }).find(
      (p) => String(p).endsWith('.pid'),
    );
    if (pidFile) {
      const pid = Number(readFileSync(join(workspace, 'target', String(pidFile)), 'utf8'));
      // The supervisor starts the service detached, in its own process group: stop the group.
      for (const target of [-pid, pid]) {
        try {
          process.kill(target, 'SIGTERM');
        } catch {
          /* already gone */
        }
      }
    }
  });

  test('backup, deploy --backup-first, monitor, smoke, logging, log following, emergency rollback, dry-runs', async () => {
    // Usage Examples.
    await expectOk('./scripts/backup_dhash.sh --env production');
    expect(
      readdirSync(join(workspace, 'backups')).filter((f) => /^dhash_production_\d{8}_\d{6}\.zip$/.test(f)),
    ).toHaveLength(1);
    await expectOk('./scripts/deploy_dhash.sh --env production --backup-first', {
      DHASH_RELEASE: join(releases, '2.0.0'),
    });
    expect(await health(port)).toMatchObject({ status: 'ok', version: '2.0.0' });
    // The window is judged on real traffic: with none, the gates are inconclusive (exit 13).
    const load = new AbortController();
    const traffic = runLoad({
      url: `http://127.0.0.1:${port}`,
      rate: 25,
      durationSeconds: 60,
      signal: load.signal,
    }).catch(() => undefined);
    try {
      await expectOk('node scripts/monitor_dhash.js --env production');
    } finally {
      load.abort();
      await traffic;
    }
    await expectOk('./scripts/smoke_tests.sh');
    await expectOk('node scripts/validate_logging.js');

    // Following the logs.
    const tail = await expectOk('tail -n 3 monitor_logs/dhash_production_*.log');
    for (const line of tail.stdout.trim().split('\n')) expect(JSON.parse(line)).toHaveProperty('level');
    const grep = await expectOk('grep "Quality gate" monitor_logs/dhash_production_*.log');
    expect(grep.stdout).toMatch(/Quality gate p95_hash_time: /);
    const fallback = await expectOk('cat monitor_logs/notification_fallback.jsonl | tail -5 | jq .');
    expect(fallback.stdout).toContain('"channel": "webhook"');
    expect(fallback.stdout).not.toContain('/hook');

    // Emergency Rollback: the newest backup (taken by --backup-first, before 2.0.0) goes back.
    // Without a terminal, production needs DHASH_ROLLBACK_CONFIRM (or --force).
    await expectOk(
      [
        'LATEST_BACKUP=$(ls -1 backups/dhash_*.zip | sort -r | head -n1)',
        'sha256sum -c "${LATEST_BACKUP}.sha256"',
        './scripts/rollback_dhash.sh --backup "$LATEST_BACKUP" --env production',
      ].join('\n'),
      { DHASH_ROLLBACK_CONFIRM: 'production' },
    );
    expect(await health(port)).toMatchObject({ status: 'ok', version: '1.0.0' });
    // Without the confirmation and without a TTY it refuses at once.
    const refused = await sh('./scripts/rollback_dhash.sh --backup latest --env production');
    expect(refused.code).toBe(4);

    // Dry-run Testing: nothing on the target changes.
    const before = hashTree(join(workspace, 'target'));
    const backupsBefore = readdirSync(join(workspace, 'backups')).sort();
    await expectOk('./scripts/backup_dhash.sh --env production --dry-run');
    await expectOk('./scripts/deploy_dhash.sh --env production --dry-run', {
      DHASH_RELEASE: join(releases, '2.0.0'),
    });
    await expectOk('node scripts/monitor_dhash.js --env production --dry-run');
    expect(hashTree(join(workspace, 'target'))).toEqual(before);
    expect(readdirSync(join(workspace, 'backups')).sort()).toEqual(backupsBefore);
    expect(existsSync(join(workspace, 'monitor_logs', 'notification_fallback.jsonl'))).toBe(true);
  }, 300_000);
});
