import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNotifier } from '../../src/adapters/notify/factory.js';
import { FallbackStore } from '../../src/adapters/notify/fallback-store.js';
import { replayFallback } from '../../src/adapters/notify/replay.js';
import {
  replaySenderResolver,
  deliveryPolicyOf,
  notificationSetupOf,
} from '../../src/adapters/notify/factory.js';
import type { NotificationMessage } from '../../src/ports.js';
import { closeHttpAgents } from '../../src/runtime/http.js';
import { JsonLinesLogger, MemorySink } from '../../src/runtime/logger.js';
import { RecordingClock } from './helpers/clock.js';
import { workspace } from './helpers/config.js';
import {
  refusedUrl,
  reply,
  startHangingServer,
  startWebhook,
  type LoopbackServer,
} from '../helpers/loopback.js';

// Every server here answers the way the service's documentation says it does; the token in the
// path is what a leak would look like, so logs and the fallback are searched for it.
const TOKEN = 'XyZsecretTOKEN4242';
const message: NotificationMessage = {
  event: 'monitoring_alert',
  level: 'warning',
  title: 'P95 hash time above threshold',
  text: 'p95_hash_time breached for 15 minutes',
  environment: 'production',
  deploymentId: 'prod-42',
  version: '1.4.2',
  gates: [{ gate: 'p95_hash_time', verdict: 'fail', value: 2450, threshold: 2000, unit: 'ms' }],
};

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await closeHttpAgents();
});

async function webhook(
  path: string,
  ...replies: Parameters<typeof startWebhook>[1]
): Promise<LoopbackServer> {
  const s = await startWebhook(path, replies);
  servers.push(s);
  return s;
}

function setup(channels: string[], vars: Record<string, string>, knobs: Record<string, unknown> = {}) {
  const ws = workspace({ channels, ...knobs });
  const config = ws.load(vars);
  const clock = new RecordingClock();
  const sink = new MemorySink();
  const logger = new JsonLinesLogger(clock, [sink], config.redactor);
  const logDir = join(ws.dir, 'monitor_logs');
  const notifier = createNotifier(config, { clock, logger, logDir, random: () => 0.5 });
  const store = new FallbackStore(logDir);
  const everything = () =>
    JSON.stringify(sink.records) + (existsSync(store.path) ? readFileSync(store.path, 'utf8') : '');
  return { ws, config, clock, sink, logger, logDir, notifier, store, everything };
}

describe('Slack incoming webhook', () => {
  it('delivers on 200 ok with Block Kit blocks and a text fallback', async () => {
    const slack = await webhook(`/services/T0/B0/${TOKEN}`, reply.text(200, 'ok'));
    const t = setup(['slack'], { SLACK_WEBHOOK_URL: slack.url, SLACK_CHANNEL: '#dhash-alerts' });
    const report = await t.notifier.send(message);
    expect(report).toMatchObject({
      allDelivered: true,
      dedupKey: 'prod-42:monitoring_alert',
      deliveries: [{ channel: 'slack', delivered: true, attempts: 1, fellBack: false }],
    });
    const body = JSON.parse(slack.requests[0].body);
    expect(body.channel).toBe('#dhash-alerts');
    expect(body.text).toContain('P95 hash time above threshold');
    expect(body.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '⚠️ P95 hash time above threshold', emoji: true },
    });
    expect(slack.requests[0].headers['content-type']).toMatch(/application\/json/);
    expect(existsSync(t.store.path)).toBe(false);
  });

  it('honours Retry-After on 429 (seconds, then an HTTP date) and then delivers', async () => {
    const slack = await webhook(
      `/services/T0/B0/${TOKEN}`,
      reply.text(429, 'rate_limited', { 'retry-after': '3' }),
      (_req, res) => {
        res.writeHead(429, { 'retry-after': new Date(t.clock.now() + 7000).toUTCString() });
        res.end('rate_limited');
      },
      reply.text(200, 'ok'),
    );
    const t = setup(['slack'], { SLACK_WEBHOOK_URL: slack.url });
    const report = await t.notifier.send(message);
    expect(report.deliveries[0]).toMatchObject({ delivered: true, attempts: 3 });
    // toUTCString drops milliseconds, so the date form can be up to a second short of 7 s.
    expect(t.clock.sleeps[0]).toBe(3000);
    expect(t.clock.sleeps[1]).toBeGreaterThan(6000);
    expect(t.clock.sleeps[1]).toBeLessThanOrEqual(7000);
    expect(t.clock.sleeps).toHaveLength(2);
  });

  it.each([
    [400, 'invalid_payload'],
    [403, 'action_prohibited'],
    [404, 'channel_not_found'],
    [410, 'channel_is_archived'],
  ])('does not retry a permanent %i %s and keeps the message in the fallback', async (status, body) => {
    const slack = await webhook(`/services/T0/B0/${TOKEN}`, reply.text(status, body));
    const t = setup(['slack'], { SLACK_WEBHOOK_URL: slack.url });
    const report = await t.notifier.send(message);
    expect(slack.requests).toHaveLength(1);
    expect(t.clock.sleeps).toEqual([]);
    expect(report.allDelivered).toBe(false);
    expect(report.deliveries[0]).toMatchObject({
      delivered: false,
      attempts: 1,
      fellBack: true,
      error: `HTTP ${status}: ${body} (permanent, not retried)`,
    });
    const lines = t.store.entries().entries;
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      channel: 'slack',
      target: `http://127.0.0.1:${slack.port}`,
      dedup_key: 'prod-42:monitoring_alert',
      attempts: 1,
      last_error: `HTTP ${status}: ${body} (permanent, not retried)`,
      environment: 'production',
      deployment_id: 'prod-42',
    });
    expect(lines[0].payload).toEqual(JSON.parse(slack.requests[0].body));
    expect(t.everything()).not.toContain(TOKEN);
  });

  it('falls back when Retry-After is above max_retry_after_seconds, without waiting', async () => {
    const slack = await webhook(
      `/services/T0/B0/${TOKEN}`,
      reply.text(429, 'rate_limited', { 'retry-after': '600' }),
    );
    const t = setup(['slack'], { SLACK_WEBHOOK_URL: slack.url });
    const report = await t.notifier.send(message);
    expect(slack.requests).toHaveLength(1);
    expect(t.clock.sleeps).toEqual([]);
    expect(report.deliveries[0].error).toMatch(
      /asked to retry after 600 s, above max_retry_after_seconds 60 s/,
    );
  });

  it('retries 5xx with full-jitter backoff until max_attempts, then falls back', async () => {
    const slack = await webhook(`/services/T0/B0/${TOKEN}`, reply.text(500, 'rollup_error'));
    const t = setup(['slack'], { SLACK_WEBHOOK_URL: slack.url }, { max_attempts: 3 });
    const report = await t.notifier.send(message);
    expect(slack.requests).toHaveLength(3);
    expect(t.clock.sleeps).toEqual([250, 500]); // random 0.5 × 500·2^(n-1)
    expect(report.deliveries[0]).toMatchObject({ delivered: false, attempts: 3, fellBack: true });
  });
});

describe('Discord webhook', () => {
  it('posts with ?wait=true, waits the JSON float retry_after on 429, then delivers', async () => {
    const discord = await webhook(
      `/api/webhooks/123/${TOKEN}`,
      reply.json(
        429,
        { message: 'You are being rate limited.', retry_after: 0.457, global: false },
        { 'retry-after': '1' },
      ),
      reply.json(200, { id: '1100', channel_id: '9' }),
    );
    const t = setup(['discord'], { DISCORD_WEBHOOK_URL: discord.url });
    const report = await t.notifier.send(message);
    expect(report.deliveries[0]).toMatchObject({ delivered: true, attempts: 2 });
    expect(t.clock.sleeps).toEqual([457]);
    expect(discord.requests[0].url).toBe(`/api/webhooks/123/${TOKEN}?wait=true`);
    const body = JSON.parse(discord.requests[1].body);
    expect(body.embeds).toHaveLength(1);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(t.everything()).not.toContain(TOKEN);
  });
});

describe('Microsoft Teams', () => {
  it('Workflows: 202 with an empty body is delivered; the body is an Adaptive Card in a message wrapper', async () => {
    const teams = await webhook(`/workflows/${TOKEN}`, reply.empty(202));
    const t = setup(['teams'], { TEAMS_WEBHOOK_URL: teams.url });
    const report = await t.notifier.send(message);
    expect(report.allDelivered).toBe(true);
    const body = JSON.parse(teams.requests[0].body);
    expect(body.type).toBe('message');
    expect(body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.attachments[0].content.type).toBe('AdaptiveCard');
  });

  it('legacy connector: a 200 carrying an error is a failure; a 429 is retried', async () => {
    const teams = await webhook(
      `/webhookb2/${TOKEN}`,
      reply.text(429, '', { 'retry-after': '2' }),
      reply.text(
        200,
        'Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 400 with ContextId tcid=0',
      ),
    );
    const t = setup(['teams'], { TEAMS_WEBHOOK_URL: teams.url });
    const report = await t.notifier.send(message);
    expect(teams.requests).toHaveLength(2);
    expect(t.clock.sleeps).toEqual([2000]);
    expect(report.deliveries[0]).toMatchObject({ delivered: false, attempts: 2, fellBack: true });
    expect(report.deliveries[0].error).toMatch(/HTTP 200 reporting an error.*HTTP error 400/);
  });
});

describe('generic webhook', () => {
  it('sends the documented JSON with an Idempotency-Key equal to the dedup key', async () => {
    const hook = await webhook(`/hook/${TOKEN}`, reply.empty(204));
    const t = setup(['webhook'], { GENERIC_WEBHOOK_URL: hook.url });
    await t.notifier.send(message);
    expect(hook.requests[0].headers['idempotency-key']).toBe('prod-42:monitoring_alert');
    expect(JSON.parse(hook.requests[0].body)).toMatchObject({
      schema: 'dhash-rollout.notification/v1',
      dedup_key: 'prod-42:monitoring_alert',
      level: 'warning',
    });
  });
});

describe('long answers', () => {
  it('a 2xx with a body far over the 64 KiB read limit is delivered, once, with nothing in the fallback', async () => {
    const hook = await webhook(`/hook/${TOKEN}`, reply.text(200, 'x'.repeat(512 * 1024)));
    const t = setup(['webhook'], { GENERIC_WEBHOOK_URL: hook.url });
    const report = await t.notifier.send(message);
    expect(report.deliveries).toMatchObject([{ channel: 'webhook', delivered: true, attempts: 1 }]);
    expect(hook.requests).toHaveLength(1);
    expect(existsSync(t.store.path)).toBe(false);
  });

  it('a 2xx whose body never ends is delivered: the status is the answer, the body is cut', async () => {
    const hook = await webhook(`/hook/${TOKEN}`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'y'.repeat(16 * 1024);
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('error', () => undefined);
      pump();
    });
    const t = setup(['webhook'], { GENERIC_WEBHOOK_URL: hook.url });
    const report = await t.notifier.send(message);
    expect(report.deliveries).toMatchObject([{ channel: 'webhook', delivered: true, attempts: 1 }]);
    expect(hook.requests).toHaveLength(1);
  });

  it('a 500 with a long body is still a failure that goes to the fallback', async () => {
    const hook = await webhook(`/hook/${TOKEN}`, reply.text(500, 'z'.repeat(200 * 1024)));
    const t = setup(['webhook'], { GENERIC_WEBHOOK_URL: hook.url });
    const report = await t.notifier.send(message);
    expect(report.deliveries[0]).toMatchObject({ channel: 'webhook', delivered: false, fellBack: true });
    expect(readFileSync(t.store.path, 'utf8')).toContain('prod-42:monitoring_alert');
  });
});

describe('unreachable peers', () => {
  it('a hung connection times out per attempt and the message falls back; the others are delivered', async () => {
    const hang = await startHangingServer();
    servers.push(hang);
    const slack = await webhook(`/services/T0/B0/${TOKEN}`, reply.text(200, 'ok'));
    const t = setup(
      ['slack', 'webhook'],
      { SLACK_WEBHOOK_URL: slack.url, GENERIC_WEBHOOK_URL: hang.url },
      { attempt_timeout_seconds: 0.3, max_attempts: 2 },
    );
    const report = await t.notifier.send(message);
    const byChannel = Object.fromEntries(report.deliveries.map((d) => [d.channel, d]));
    expect(byChannel.slack).toMatchObject({ delivered: true });
    expect(byChannel.webhook).toMatchObject({ delivered: false, attempts: 2, fellBack: true });
    expect(byChannel.webhook.error).toMatch(/timed out after 300 ms/);
    expect(hang.requests()).toBe(2);
    expect(t.store.entries().entries.map((e) => e.channel)).toEqual(['webhook']);
  });

  it('a refused connection is retried, then falls back', async () => {
    const url = await refusedUrl();
    const t = setup(['webhook'], { GENERIC_WEBHOOK_URL: url }, { max_attempts: 2 });
    const report = await t.notifier.send(message);
    expect(report.deliveries[0]).toMatchObject({ delivered: false, attempts: 2, fellBack: true });
    expect(report.deliveries[0].error).toMatch(/ECONNREFUSED/);
    expect(t.everything()).not.toContain('refused-secret-path');
  });

  it('stops retrying when the next wait would pass the overall deadline', async () => {
    const slack = await webhook(
      `/services/T0/B0/${TOKEN}`,
      reply.text(429, 'rate_limited', { 'retry-after': '4' }),
    );
    const t = setup(['slack'], { SLACK_WEBHOOK_URL: slack.url }, { deadline_seconds: 10, max_attempts: 10 });
    const report = await t.notifier.send(message);
    // 0 s, 4 s, 8 s: a third wait would end at 12 s, past the 10 s deadline.
    expect(t.clock.sleeps).toEqual([4000, 4000]);
    expect(slack.requests).toHaveLength(3);
    expect(report.deliveries[0].error).toMatch(/would pass the 10 s deadline/);
  });
});

describe('replay', () => {
  it('delivers every fallback line once, records it beside the file, and skips it next time', async () => {
    let healthy = false;
    const slack = await webhook(`/services/T0/B0/${TOKEN}`, (_req, res) => {
      res.writeHead(healthy ? 200 : 404);
      res.end(healthy ? 'ok' : 'no_service');
    });
    const t = setup(['slack'], { SLACK_WEBHOOK_URL: slack.url });
    await t.notifier.send(message);
    await t.notifier.send(message); // the same alert again: same dedup key
    await t.notifier.send({ ...message, event: 'rollback_start', title: 'Rolling back' });
    expect(t.store.entries().entries).toHaveLength(3);
    const before = readFileSync(t.store.path, 'utf8');

    healthy = true;
    const options = {
      store: t.store,
      senderFor: replaySenderResolver(notificationSetupOf(t.config)),
      policy: deliveryPolicyOf(t.config),
      clock: t.clock,
      logger: t.logger,
      redactor: t.config.redactor,
    };
    const first = await replayFallback(options);
    expect(first.lines.map((l) => [l.dedup_key, l.status])).toEqual([
      ['prod-42:monitoring_alert', 'delivered'],
      ['prod-42:monitoring_alert', 'skipped_duplicate'],
      ['prod-42:rollback_start', 'delivered'],
    ]);
    expect(first.pending).toBe(0);
    expect(
      slack.requests.filter((r) => r.body.includes('Rolling back') || r.body.includes('P95')),
    ).toHaveLength(3 + 2);
    // History is appended to, never rewritten.
    expect(readFileSync(t.store.path, 'utf8')).toBe(before);
    const second = await replayFallback(options);
    expect(second.lines).toEqual([]);
    expect(t.everything() + readFileSync(t.store.ledgerPath, 'utf8')).not.toContain(TOKEN);
  });
});
