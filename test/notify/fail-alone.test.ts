import { readFileSync } from 'node:fs';
import { assertChannelsReady } from '../../src/adapters/notify/factory.js';
import type { NotificationMessage } from '../../src/ports.js';
import { ConfigError } from '../../src/runtime/errors.js';
import { closeHttpAgents } from '../../src/runtime/http.js';
import { notifySetup } from './helpers/setup.js';
import { reply, startWebhook, type LoopbackServer } from '../helpers/loopback.js';

// One channel without its settings must not silence the others: the broken channel's message
// goes to the fallback file (replayable once the setting is fixed), the rest are delivered.
const TOKEN = 'FailAloneToken-777';
const message: NotificationMessage = {
  event: 'monitoring_alert',
  level: 'error',
  title: 'memory_usage breached',
  text: 'memory at 91%',
  environment: 'production',
  deploymentId: 'prod-1',
  dedupKey: 'prod-1:monitoring_alert:memory_usage:1000',
};

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await closeHttpAgents();
});

describe('each channel fails alone', () => {
  it('Slack without SLACK_WEBHOOK_URL: the webhook and the console still get the message; Slack’s goes to the fallback file', async () => {
    const hook = await startWebhook(`/hooks/${TOKEN}`, [reply.empty(204)]);
    servers.push(hook);
    const t = notifySetup(['slack', 'webhook', 'console'], { GENERIC_WEBHOOK_URL: hook.url });
    const report = await t.notifier.send(message);
    expect(report.deliveries).toEqual([
      expect.objectContaining({
        channel: 'slack',
        delivered: false,
        attempts: 0,
        fellBack: true,
        error:
          'notifications.channels: "slack" is enabled but SLACK_WEBHOOK_URL is not set (environment or .env.notifications)',
      }),
      expect.objectContaining({ channel: 'webhook', delivered: true, attempts: 1 }),
      expect.objectContaining({ channel: 'console', delivered: true, attempts: 1 }),
    ]);
    expect(hook.requests).toHaveLength(1);
    expect(JSON.parse(hook.requests[0].body)).toMatchObject({ dedup_key: message.dedupKey });
    expect(t.stdout.text()).toContain('memory_usage breached');
    const lines = readFileSync(t.store.path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      channel: 'slack',
      dedup_key: message.dedupKey,
      attempts: 0,
      last_error: expect.stringContaining('SLACK_WEBHOOK_URL is not set'),
    });
    // The fallback keeps Slack's own body, so a replay after the fix sends exactly that.
    expect(lines[0].payload.blocks[0].type).toBe('header');
    expect(report.fallbackPath).toBe(t.store.path);
    expect(t.everything()).not.toContain(TOKEN);
  });

  it('a bad setting (http to a remote host) fails that channel alone, naming the variable and not the URL', async () => {
    const hook = await startWebhook(`/hooks/${TOKEN}`, [reply.empty(204)]);
    servers.push(hook);
    const t = notifySetup(['discord', 'webhook'], {
      DISCORD_WEBHOOK_URL: `http://discord.example.com/api/webhooks/1/${TOKEN}`,
      GENERIC_WEBHOOK_URL: hook.url,
    });
    const report = await t.notifier.send(message);
    expect(report.deliveries[0]).toMatchObject({ channel: 'discord', delivered: false, fellBack: true });
    expect(report.deliveries[0].error).toMatch(
      /^notifications\.channels: "discord": DISCORD_WEBHOOK_URL: expected an https:\/\/ URL/,
    );
    expect(report.deliveries[1]).toMatchObject({ channel: 'webhook', delivered: true });
    expect(t.everything()).not.toContain(TOKEN);
  });

  it('for commands that send, a channel that cannot be built is a config error at load naming the channel and the variable', () => {
    const t = notifySetup(['slack', 'pager', 'console'], { PAGERDUTY_ROUTING_KEY: 'short' });
    let error: unknown;
    try {
      assertChannelsReady(t.setup);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(2);
    expect((error as ConfigError).problems).toEqual([
      'notifications.channels: "slack" is enabled but SLACK_WEBHOOK_URL is not set (environment or .env.notifications)',
      'notifications.channels: "pager": PAGERDUTY_ROUTING_KEY: expected the 32-character integration key of an Events API v2 integration',
    ]);
    expect((error as Error).message).not.toContain('short');
  });
});
