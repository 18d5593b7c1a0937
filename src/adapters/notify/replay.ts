import type { ChannelName } from '../../config/schema.js';
import type { DeliveryPolicy } from '../../domain/delivery/policy.js';
import type { Clock } from '../../runtime/clock.js';
import { RefusedError } from '../../runtime/errors.js';
import { describeOwner, tryLock } from '../../runtime/file-lock.js';
import type { Logger } from '../../runtime/logger.js';
import type { Redactor } from '../../runtime/redact.js';
import { deliverWithRetries } from './deliver.js';
import type { FallbackEntry, FallbackStore, ReplayRecord } from './fallback-store.js';
import type { ChannelSender } from './sender.js';

export interface ReplayOptions {
  store: FallbackStore;
  /** A sender per channel that has its settings now; or the reason it has none. */
  senderFor(channel: ChannelName): ChannelSender | { problem: string };
  policy: DeliveryPolicy;
  clock: Clock;
  logger: Logger;
  redactor: Redactor;
  random?: () => number;
  signal?: AbortSignal;
}

export interface ReplayLine {
  id: string;
  channel: string;
  dedup_key: string;
  recorded_at: string;
  status: ReplayRecord['status'];
  attempts: number;
  error?: string;
}

export interface ReplayReport {
  fallbackPath: string;
  ledgerPath: string;
  lines: ReplayLine[];
  /** Lines still undelivered after this replay. */
  pending: number;
  /** Line numbers of the fallback file that could not be read. */
  unreadable: number[];
}

/**
 * Re-sends the fallback lines no replay has delivered yet. The fallback file is never rewritten:
 * each outcome is appended to the replay ledger beside it, so a crash mid-replay loses nothing and
 * a second replay skips what the first delivered. Lines with the same channel and dedup key are
 * one message: once one of them is delivered, the others are skipped, not posted twice.
 * Channels run concurrently; within a channel, lines go in the order they were recorded.
 */
export async function replayFallback(options: ReplayOptions): Promise<ReplayReport> {
  const { store, clock } = options;
  const lock = tryLock(`${store.path}.replay.lock`, 'notification replay', new Date(clock.now()));
  if (!lock.acquired)
    throw new RefusedError(`another replay of ${store.path} is running: ${describeOwner(lock.owner)}`);
  try {
    const { entries, unreadable } = store.pending();
    const delivered = new Set(
      store
        .ledger()
        .filter((r) => r.status === 'delivered')
        .map((r) => `${r.channel}\u0000${r.dedup_key}`),
    );
    const byChannel = new Map<string, FallbackEntry[]>();
    for (const entry of entries)
      byChannel.set(entry.channel, [...(byChannel.get(entry.channel) ?? []), entry]);
    const results = await Promise.all(
      [...byChannel.entries()].map(([channel, lines]) =>
        replayChannel(channel as ChannelName, lines, delivered, options),
      ),
    );
    const lines = results.flat();
    return {
      fallbackPath: store.path,
      ledgerPath: store.ledgerPath,
      lines,
      pending: lines.filter((l) => l.status === 'failed').length,
      unreadable,
    };
  } finally {
    lock.release();
  }
}

async function replayChannel(
  channel: ChannelName,
  lines: FallbackEntry[],
  delivered: Set<string>,
  options: ReplayOptions,
): Promise<ReplayLine[]> {
  const { store, clock, policy, logger, redactor } = options;
  const sender = options.senderFor(channel);
  const out: ReplayLine[] = [];
  const write = (
    entry: FallbackEntry,
    status: ReplayRecord['status'],
    attempts: number,
    error?: string,
  ): void => {
    const line: ReplayLine = {
      id: entry.id,
      channel,
      dedup_key: entry.dedup_key,
      recorded_at: entry.recorded_at,
      status,
      attempts,
    };
    if (error !== undefined) line.error = redactor.text(error);
    store.record({
      id: entry.id,
      replayed_at: new Date(clock.now()).toISOString(),
      channel,
      dedup_key: entry.dedup_key,
      status,
      attempts,
      ...(line.error ? { error: line.error } : {}),
    });
    out.push(line);
  };
  for (const entry of lines) {
    const key = `${channel}\u0000${entry.dedup_key}`;
    if (delivered.has(key)) {
      write(entry, 'skipped_duplicate', 0);
      continue;
    }
    if ('problem' in sender) {
      write(entry, 'failed', 0, sender.problem);
      continue;
    }
    const result = await deliverWithRetries({
      sender,
      payload: entry.payload,
      dedupKey: entry.dedup_key,
      deadlineAt: clock.now() + policy.deadlineMs,
      policy,
      clock,
      random: options.random ?? Math.random,
      logger: logger.child({ replay_of: entry.id, dedup_key: entry.dedup_key }),
      signal: options.signal,
    });
    if (result.delivered) {
      delivered.add(key);
      write(entry, 'delivered', result.attempts);
    } else {
      write(entry, 'failed', result.attempts, result.error ?? 'not delivered');
    }
  }
  return out;
}
