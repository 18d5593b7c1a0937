import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../../src/action/run.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { workspace } from './helpers/config.js';
import { reply, startWebhook, type LoopbackServer } from '../helpers/loopback.js';
import { recordingCore } from '../helpers/action-core.js';

// The action front end in-process, with a recording stand-in for @actions/core (passed in, the
// way slack-github-action does it) and a real loopback webhook.
const TOKEN = 'ActionHookToken-777';

let server: LoopbackServer | undefined;
afterEach(async () => server?.close());

describe('action command notify / deploy-notify', () => {
  it('maps the webhook input to the variable, masks it, and reports delivery', async () => {
    server = await startWebhook(`/services/T/B/${TOKEN}`, [reply.text(200, 'ok')]);
    const ws = workspace({ channels: ['slack'] });
    const run = recordingCore({
      command: 'deploy-notify',
      event: 'deployment_start',
      environment: 'production',
      config: ws.configPath,
      'working-directory': ws.dir,
      'slack-webhook-url': server.url,
      version: '3.1.0',
      'deployment-id': 'prod-3',
    });
    await runAction(run.core, { GITHUB_STEP_SUMMARY: '/dev/null' }, new VirtualClock());
    expect(run.failed()).toBeUndefined();
    expect(run.secrets).toContain(server.url);
    expect(run.outputs).toMatchObject({
      result: 'delivered',
      'exit-code': '0',
      'deployment-id': 'prod-3',
      environment: 'production',
    });
    expect(run.summary()).toContain('| slack | http://127.0.0.1:');
    expect(JSON.parse(server.requests[0].body).text).toContain(
      'Deployment started: dhash 3.1.0 on production',
    );
    expect(
      JSON.stringify(run.outputs) + run.summary() + run.messages.join('\n') + JSON.stringify(run.annotations),
    ).not.toContain(TOKEN);
  });

  it('fails the step with result "fallback" when a channel did not take the message', async () => {
    server = await startWebhook(`/services/T/B/${TOKEN}`, [reply.text(410, 'channel_is_archived')]);
    const ws = workspace({ channels: ['slack'] });
    const run = recordingCore({
      command: 'notify',
      environment: 'production',
      config: ws.configPath,
      'working-directory': ws.dir,
      'slack-webhook-url': server.url,
      level: 'error',
      message: 'gate failed',
    });
    await runAction(run.core, { GITHUB_STEP_SUMMARY: '/dev/null' }, new VirtualClock());
    expect(run.outputs).toMatchObject({ result: 'fallback', 'exit-code': '1' });
    expect(run.failed()).toBe('notification not delivered to slack; kept in the fallback file');
    expect(run.summary()).toContain('❌ in fallback');
  });

  it('reports exit-code 5, as the CLI does, when the fallback file cannot be written either', async () => {
    server = await startWebhook(`/services/T/B/${TOKEN}`, [reply.text(410, 'channel_is_archived')]);
    const ws = workspace({ channels: ['slack'] });
    // A log folder under a regular file: neither the log nor the fallback file can be created.
    writeFileSync(join(ws.dir, 'not-a-dir'), '');
    const run = recordingCore({
      command: 'deploy-notify',
      event: 'rollback_failure',
      environment: 'production',
      config: ws.configPath,
      'working-directory': ws.dir,
      'log-dir': join(ws.dir, 'not-a-dir', 'logs'),
      'slack-webhook-url': server.url,
    });
    const stderr = captureStderr();
    try {
      await runAction(run.core, { GITHUB_STEP_SUMMARY: '/dev/null' }, new VirtualClock());
    } finally {
      stderr.restore();
    }
    expect(run.outputs).toMatchObject({ result: 'fallback', 'exit-code': '5' });
    expect(run.failed()).toContain('printed whole on stderr');
    expect(run.failed()).not.toContain('kept in the fallback file');
    expect(run.summary()).toContain('❌ lost (fallback unwritable)');
    expect(stderr.text()).toContain('UNDELIVERED notification for slack');
    expect(stderr.text()).not.toContain(TOKEN);
  });
});

function captureStderr(): { text: () => string; restore: () => void } {
  const chunks: string[] = [];
  const original = process.stderr.write.bind(process.stderr);
  const capture = (chunk: string | Uint8Array): boolean => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  process.stderr.write = capture;
  return { text: () => chunks.join(''), restore: () => void (process.stderr.write = original) };
}
