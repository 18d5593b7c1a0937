import type { DeliveryPolicy } from '../../domain/delivery/policy.js';
import type { Clock } from '../../runtime/clock.js';
import { RefusedError, messageOf } from '../../runtime/errors.js';
import { describeOwner, tryLock } from '../../runtime/file-lock.js';
import type { Logger } from '../../runtime/logger.js';
import type { Redactor } from '../../runtime/redact.js';
import { CHANNEL_NAMES, type ChannelName } from '../../config/channels.js';
import { deliverWithRetries } from './deliver.js';
import type { FallbackEntry, FallbackStore, ReplayRecord } from './fallback-store.js';
import type { ChannelSender } from './sender.js';

/** A replay holds the lock for at most this long unless told otherwise. */
export const DEFAULT_REPLAY_DEADLINE_MS = 3 * 60_000;

export interface ReplayOptions {
  store: FallbackStore;
  /** A sender per channel that has its settings now; or the reason it has none. */
  senderFor(channel: ChannelName): ChannelSender | { problem: string };
  policy: DeliveryPolicy;
  clock: Clock;
  logger: Logger;
  redactor: Redactor;
  /** The whole replay ends by then (clock ms from the start); each line also keeps the policy's own deadline. */
  deadlineMs?: number;
  /** Dedup keys or line ids to give up on: recorded as dropped, never sent. */
  drop?: readonly string[];
  /** Lines recorded longer ago than this are given up on (recorded as dropped). */
  olderThanMs?: number;
  /** Called after each line, for a terminal's progress line. */
  onProgress?: (progress: ReplayProgress) => void;
  random?: () => number;
  signal?: AbortSignal;
}

export interface ReplayProgress {
  done: number;
  total: number;
  delivered: number;
  failed: number;
  dropped: number;
}

export interface ReplayLine {
  id: string;
  channel: string;
  dedup_key: string;
  recorded_at: string;
  status: ReplayRecord['status'];
  attempts: number;
  error?: string;
  reason?: string;
}

export interface ReplayReport {
  fallbackPath: string;
  ledgerPath: string;
  lines: ReplayLine[];
  /** Lines still undelivered after this replay. */
  pending: number;
  /** Lines given up on by --drop or --older-than in this replay. */
  dropped: number;
  /** True when the overall deadline stopped the replay before every line was tried. */
  deadlineReached: boolean;
  /** Line numbers of the fallback file that could not be read. */
  unreadable: number[];
  /** Outcomes that could not be written to the ledger (a full disk): they will be tried again. */
  unrecorded: number;
}

/**
 * Re-sends the fallback lines no replay has delivered yet, within one overall deadline. The
 * fallback file is never rewritten: each outcome is appended to the replay ledger beside it, so a
 * crash mid-replay loses nothing and a second replay skips what the first delivered. Lines with
 * the same channel and dedup key are one message: once one of them is delivered, the others are
 * skipped, not posted twice. Giving up on a line is explicit (`drop`, `olderThanMs`) and recorded.
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
    const run: ReplayRun = {
      options,
      delivered,
      deadlineAt: clock.now() + (options.deadlineMs ?? DEFAULT_REPLAY_DEADLINE_MS),
      progress: { done: 0, total: entries.length, delivered: 0, failed: 0, dropped: 0 },
      unrecorded: 0,
      deadlineReached: false,
    };
    const byChannel = new Map<string, FallbackEntry[]>();
    for (const entry of entries)
      byChannel.set(entry.channel, [...(byChannel.get(entry.channel) ?? []), entry]);
    const results = await Promise.all(
      [...byChannel.entries()].map(([channel, lines]) => replayChannel(channel, lines, run)),
    );
    const lines = results.flat();
    return {
      fallbackPath: store.path,
      ledgerPath: store.ledgerPath,
      lines,
      pending: lines.filter((l) => l.status === 'failed').length,
      dropped: lines.filter((l) => l.status === 'dropped').length,
      deadlineReached: run.deadlineReached,
      unreadable,
      unrecorded: run.unrecorded,
    };
  } finally {
    lock.release();
  }
}

interface ReplayRun {
  options: ReplayOptions;
  delivered: Set<string>;
  deadlineAt: number;
  progress: ReplayProgress;
  unrecorded: number;
  deadlineReached: boolean;
}

/** Why a line is given up on, or null to send it. */
function dropReason(entry: FallbackEntry, options: ReplayOptions, nowMs: number): string | null {
  if (options.drop?.some((key) => key === entry.dedup_key || key === entry.id))
    return `dropped by --drop ${options.drop.find((k) => k === entry.dedup_key || k === entry.id)}`;
  if (options.olderThanMs !== undefined) {
    const recorded = Date.parse(entry.recorded_at);
    if (Number.isFinite(recorded) && nowMs - recorded > options.olderThanMs)
      return `dropped by --older-than: recorded ${entry.recorded_at}`;
  }
  return null;
}

/** One channel's replay: its sender (or why there is none) and the outcomes so far. */
interface ChannelReplay {
  run: ReplayRun;
  channelText: string;
  sender: ChannelSender | { problem: string };
  out: ReplayLine[];
}

/** Reports a line's outcome, records it in the ledger, and counts it in the progress. */
function writeOutcome(
  c: ChannelReplay,
  entry: FallbackEntry,
  status: ReplayRecord['status'],
  attempts: number,
  detail: { error?: string; reason?: string } = {},
): void {
  const { run, channelText } = c;
  const { store, clock, logger, redactor } = run.options;
  const line: ReplayLine = {
    id: entry.id,
    channel: channelText,
    dedup_key: entry.dedup_key,
    recorded_at: entry.recorded_at,
    status,
    attempts,
  };
  if (detail.error !== undefined) line.error = redactor.text(detail.error);
  if (detail.reason !== undefined) line.reason = detail.reason;
  try {
    store.record({
      id: entry.id,
      replayed_at: new Date(clock.now()).toISOString(),
      channel: channelText,
      dedup_key: entry.dedup_key,
      status,
      attempts,
      ...(line.error ? { error: line.error } : {}),
      ...(line.reason ? { reason: line.reason } : {}),
    });
  } catch (error) {
    // The outcome is still reported; only the ledger misses it, so a later replay tries again
    // (receivers drop the repeat by its dedup key).
    run.unrecorded += 1;
    logger.error('replay outcome could not be written to the ledger', {
      ledger: store.ledgerPath,
      id: entry.id,
      error: messageOf(error),
    });
  }
  c.out.push(line);
  run.progress.done += 1;
  if (status === 'delivered') run.progress.delivered += 1;
  if (status === 'failed') run.progress.failed += 1;
  if (status === 'dropped') run.progress.dropped += 1;
  run.options.onProgress?.({ ...run.progress });
}

/** Drops, skips, refuses or sends one line, and writes its outcome. */
async function replayLine(c: ChannelReplay, entry: FallbackEntry): Promise<void> {
  const { run, channelText, sender } = c;
  const { options, delivered } = run;
  const { clock, policy, logger } = options;
  const key = `${channelText}\u0000${entry.dedup_key}`;
  const reason = dropReason(entry, options, clock.now());
  if (reason) {
    writeOutcome(c, entry, 'dropped', 0, { reason });
    return;
  }
  if (delivered.has(key)) {
    writeOutcome(c, entry, 'skipped_duplicate', 0);
    return;
  }
  if ('problem' in sender) {
    writeOutcome(c, entry, 'failed', 0, { error: sender.problem });
    return;
  }
  if (clock.now() >= run.deadlineAt) {
    run.deadlineReached = true;
    writeOutcome(c, entry, 'failed', 0, {
      error: 'the replay deadline was reached before this line was tried',
    });
    return;
  }
  const result = await deliverWithRetries({
    sender,
    payload: entry.payload,
    dedupKey: entry.dedup_key,
    deadlineAt: Math.min(clock.now() + policy.deadlineMs, run.deadlineAt),
    policy,
    clock,
    random: options.random ?? Math.random,
    logger: logger.child({ replay_of: entry.id, dedup_key: entry.dedup_key }),
    signal: options.signal,
  });
  if (result.delivered) {
    delivered.add(key);
    writeOutcome(c, entry, 'delivered', result.attempts);
  } else {
    if (clock.now() >= run.deadlineAt) run.deadlineReached = true;
    writeOutcome(c, entry, 'failed', result.attempts, { error: result.error ?? 'not delivered' });
  }
}

/** Replays one channel's fallback lines in order. */
async function replayChannel(
  channelText: string,
  lines: FallbackEntry[],
  run: ReplayRun,
): Promise<ReplayLine[]> {
  const known = (CHANNEL_NAMES as readonly string[]).includes(channelText);
  const sender: ChannelSender | { problem: string } = known
    ? run.options.senderFor(channelText as ChannelName)
    : { problem: `"${channelText}" is not a channel this version knows` };
  const c: ChannelReplay = { run, channelText, sender, out: [] };
  for (const entry of lines) await replayLine(c, entry);
  return c.out;
}
