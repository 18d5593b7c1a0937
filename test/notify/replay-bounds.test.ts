import { readFileSync } from 'node:fs';
import { replaySenderResolver } from '../../src/adapters/notify/factory.js';
import { newEntryId, type FallbackEntry } from '../../src/adapters/notify/fallback-store.js';
import { replayFallback } from '../../src/adapters/notify/replay.js';
import { parseDuration } from '../../src/commands/notify.js';
import { closeHttpAgents } from '../../src/runtime/http.js';
import { notifySetup } from './helpers/setup.js';
import { refusedUrl, reply, startWebhook, type LoopbackServer } from '../helpers/loopback.js';

// Replay is bounded as a whole, and gives up on a line only when told to, recording that it did.
const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await closeHttpAgents();
});

function entry(key: string, recordedAtMs: number): FallbackEntry {
  return {
    id: newEntryId(recordedAtMs),
    recorded_at: new Date(recordedAtMs).toISOString(),
    channel: 'webhook',
    target: 'http://127.0.0.1',
    dedup_key: key,
    event: 'monitoring_alert',
    level: 'warning',
    environment: 'production',
    deployment_id: 'prod-1',
    attempts: 1,
    last_error: 'HTTP 503',
    payload: { schema: 'dhash-rollout.notification/v1', dedup_key: key, text: key },
  };
}

describe('notify --replay bounds', () => {
  it('100 lines to a channel that refuses every connection end within the whole-replay deadline; none is lost', async () => {
    const t = notifySetup(['webhook'], { GENERIC_WEBHOOK_URL: await refusedUrl() });
    for (let i = 0; i < 100; i++) t.store.append(entry(`prod-1:alert:${i}`, t.clock.now()));
    const started = t.clock.now();
    const report = await replayFallback({
      store: t.store,
      senderFor: replaySenderResolver(t.setup),
      policy: t.setup.policy,
      clock: t.clock,
      logger: t.logger,
      redactor: t.setup.redactor,
      random: () => 0.5,
      deadlineMs: 60_000,
    });
    // Waits go through the clock, so this is the time the replay would have held the lock.
    expect(t.clock.now() - started).toBeLessThanOrEqual(60_000);
    // Unbounded, each line would have had its own 30 s and 4 attempts (about 175 s of backoff
    // here); within the overall deadline the last lines get what is left, and all stay pending.
    expect(report.pending).toBe(100);
    expect(report.lines.every((l) => l.status === 'failed')).toBe(true);
    expect(report.lines.reduce((n, l) => n + l.attempts, 0)).toBeLessThan(400);
    expect(t.clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(60_000);
    expect(t.store.pending().entries).toHaveLength(100);
  });

  it('--drop and --older-than give up on lines explicitly, recorded in the ledger; the rest is delivered', async () => {
    const hook = await startWebhook('/hooks/replay-bounds-token', [reply.empty(204)]);
    servers.push(hook);
    const t = notifySetup(['webhook'], { GENERIC_WEBHOOK_URL: hook.url });
    const now = t.clock.now();
    t.store.append(entry('key-a', now - 60_000));
    t.store.append(entry('key-b', now - 60_000));
    t.store.append(entry('key-old', now - 10 * 86_400_000));
    const replay = () =>
      replayFallback({
        store: t.store,
        senderFor: replaySenderResolver(t.setup),
        policy: t.setup.policy,
        clock: t.clock,
        logger: t.logger,
        redactor: t.setup.redactor,
        drop: ['key-a'],
        olderThanMs: parseDuration('7d', '--older-than'),
      });
    const report = await replay();
    expect(report.lines.map((l) => [l.dedup_key, l.status, l.reason])).toEqual([
      ['key-a', 'dropped', 'dropped by --drop key-a'],
      ['key-b', 'delivered', undefined],
      [
        'key-old',
        'dropped',
        `dropped by --older-than: recorded ${new Date(now - 10 * 86_400_000).toISOString()}`,
      ],
    ]);
    expect(report).toMatchObject({ pending: 0, dropped: 2, deadlineReached: false });
    expect(hook.requests.map((r) => JSON.parse(r.body).dedup_key)).toEqual(['key-b']);
    const ledger = readFileSync(t.store.ledgerPath, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(ledger.filter((r) => r.status === 'dropped').map((r) => r.dedup_key)).toEqual([
      'key-a',
      'key-old',
    ]);
    // Dropped is final: the next replay has nothing left.
    expect((await replay()).lines).toEqual([]);
  });

  it('durations are checked', () => {
    expect(parseDuration('90s', '--deadline')).toBe(90_000);
    expect(parseDuration('2m', '--deadline')).toBe(120_000);
    expect(parseDuration('24h', '--older-than')).toBe(86_400_000);
    expect(() => parseDuration('soon', '--deadline')).toThrow(
      '--deadline: expected a duration such as 90s, 15m, 24h or 7d (at most 365d), got "soon"',
    );
    expect(() => parseDuration('0s', '--deadline')).toThrow(/--deadline: expected a duration/);
  });
});
