import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../../src/action/run.js';
import { runCli } from '../../src/cli/program.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { recordingCore } from '../helpers/action-core.js';
import { captureIo } from '../helpers/cli-io.js';
import { workspace } from './helpers/config.js';
import { reply, startWebhook, type LoopbackServer } from '../helpers/loopback.js';

// Issue 15, outcome 1: a channel that cannot be built is a config error at load for the commands
// that send (exit 2, naming the channel and the variable), before they do anything; dry-runs go on.
let webhook: LoopbackServer;
beforeEach(async () => {
  webhook = await startWebhook('/hooks/dhash', [reply.text(200, 'ok')]);
});
afterEach(async () => {
  await webhook.close();
});

const MISSING =
  'notifications.channels: "slack" is enabled but SLACK_WEBHOOK_URL is not set (environment or .env.notifications)';

/** Files the run left under monitor_logs/ (a refusal before anything is done leaves none). */
function logsOf(dir: string): string[] {
  const logs = join(dir, 'monitor_logs');
  return existsSync(logs) ? readdirSync(logs) : [];
}

/**
 * Run as on the target host: the target root exists (elsewhere deploy, rollout and rollback refuse
 * first, exit 4, before any channel is looked at).
 */
function onTargetHost(configPath: string, dir: string): void {
  const file = JSON.parse(readFileSync(configPath, 'utf8')) as {
    environments: { production: { target: { root: string } } };
  };
  const root = join(dir, 'target');
  mkdirSync(root, { recursive: true });
  file.environments.production.target.root = root;
  writeFileSync(configPath, JSON.stringify(file, null, 2));
}

describe('a sending command refuses a channel it cannot build', () => {
  const sending: Array<[string, string[]]> = [
    ['monitor', ['monitor', '--window-minutes', '1']],
    ['rollback', ['rollback', '--backup', 'latest', '--force', '--reason', 'test']],
    ['rollout', ['rollout', '--release', 'no-such-release']],
  ];

  it.each(sending)(
    '%s: slack + webhook enabled, SLACK_WEBHOOK_URL unset → exit 2 naming slack and the variable, nothing done',
    async (_name, args) => {
      const ws = workspace({ channels: ['slack', 'webhook'] });
      onTargetHost(ws.configPath, ws.dir);
      const io = captureIo(ws.dir, { env: { GENERIC_WEBHOOK_URL: webhook.url }, clock: new VirtualClock() });
      const code = await runCli([...args, '--env', 'production', '--config', ws.configPath], io);
      expect(code).toBe(2);
      expect(io.err()).toContain(MISSING);
      expect(webhook.requests).toHaveLength(0);
      expect(logsOf(ws.dir)).toEqual([]);
    },
  );

  it('deploy: the same refusal, before the release is staged', async () => {
    const ws = workspace({ channels: ['slack', 'webhook'] });
    const io = captureIo(ws.dir, { env: { GENERIC_WEBHOOK_URL: webhook.url }, clock: new VirtualClock() });
    const code = await runCli(
      ['deploy', '--release', ws.dir, '--env', 'production', '--config', ws.configPath],
      io,
    );
    expect(code).toBe(2);
    expect(io.err()).toContain(MISSING);
    expect(webhook.requests).toHaveLength(0);
  });

  it('monitor --dry-run only plans: not refused, the problem is a warning', async () => {
    const ws = workspace({ channels: ['slack', 'webhook'] });
    const io = captureIo(ws.dir, { env: { GENERIC_WEBHOOK_URL: webhook.url }, clock: new VirtualClock() });
    const code = await runCli(['monitor', '--dry-run', '--env', 'production', '--config', ws.configPath], io);
    expect(code).toBe(0);
    expect(io.err()).toContain(`warning: ${MISSING}`);
    expect(webhook.requests).toHaveLength(0);
  });

  it('the action front end refuses the same way (monitor): exit-code 2, the message names slack and the variable', async () => {
    const ws = workspace({ channels: ['slack', 'webhook'] });
    const run = recordingCore({
      command: 'monitor',
      environment: 'production',
      config: ws.configPath,
      'working-directory': ws.dir,
      'webhook-url': webhook.url,
      'window-minutes': '1',
    });
    await runAction(run.core, { GITHUB_STEP_SUMMARY: '/dev/null' }, new VirtualClock());
    expect(run.outputs['exit-code']).toBe('2');
    expect(run.failed()).toContain(MISSING);
    expect(webhook.requests).toHaveLength(0);
    expect(logsOf(ws.dir)).toEqual([]);
  });
});
