import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ChannelName } from '../../config/channels.js';

export const FALLBACK_FILE = 'notification_fallback.jsonl';
/** Replay outcomes go beside the fallback, so its lines are never rewritten. */
export const REPLAY_LEDGER_FILE = 'notification_fallback.replayed.jsonl';

/** One undelivered message for one channel. Everything in it has been through the redactor. */
export interface FallbackEntry {
  id: string;
  recorded_at: string;
  channel: ChannelName;
  /** Scheme and host (or smtp://host:port) only. */
  target: string;
  dedup_key: string;
  event: string;
  level: string;
  environment: string;
  deployment_id: string;
  attempts: number;
  last_error: string;
  /** The rendered body, exactly what would have been sent; replay sends it again. */
  payload: Record<string, unknown>;
}

/** What a replay did with one fallback line. */
export interface ReplayRecord {
  id: string;
  replayed_at: string;
  channel: string;
  dedup_key: string;
  /**
   * `dropped`: given up on explicitly (`--drop`, `--older-than`); `reason` says which. Only
   * `failed` lines stay pending.
   */
  status: 'delivered' | 'failed' | 'skipped_duplicate' | 'dropped';
  attempts: number;
  error?: string;
  reason?: string;
}

export function newEntryId(nowMs: number): string {
  return `${nowMs.toString(36)}-${randomBytes(4).toString('hex')}`;
}

/**
 * Append-only JSON lines. Each record is written with one append call, which POSIX and Windows
 * both keep whole for a regular file, so concurrent writers (monitor and notify) do not interleave.
 */
export class FallbackStore {
  readonly path: string;
  readonly ledgerPath: string;

  constructor(logDir: string) {
    this.path = join(logDir, FALLBACK_FILE);
    this.ledgerPath = join(logDir, REPLAY_LEDGER_FILE);
  }

  append(entry: FallbackEntry): void {
    appendLine(this.path, entry);
  }

  record(record: ReplayRecord): void {
    appendLine(this.ledgerPath, record);
  }

  /** Every readable line; a torn or hand-edited line is reported by number, not fatal. */
  entries(): { entries: FallbackEntry[]; unreadable: number[] } {
    return readLines(
      this.path,
      (v): v is Line & FallbackEntry =>
        typeof v.id === 'string' && typeof v.channel === 'string' && typeof v.payload === 'object',
    );
  }

  ledger(): ReplayRecord[] {
    return readLines(
      this.ledgerPath,
      (v): v is Line & ReplayRecord => typeof v.id === 'string' && typeof v.status === 'string',
    ).entries;
  }

  /** Lines no replay has delivered yet (nor skipped as a duplicate of a delivered one). */
  pending(): { entries: FallbackEntry[]; unreadable: number[] } {
    const done = new Set(
      this.ledger()
        .filter((r) => r.status !== 'failed')
        .map((r) => r.id),
    );
    const { entries, unreadable } = this.entries();
    return { entries: entries.filter((e) => !done.has(e.id)), unreadable };
  }
}

function appendLine(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, `${JSON.stringify(value)}\n`);
}

/** One parsed JSON line, before its shape is checked. */
type Line = Record<string, unknown>;

function readLines<T>(
  path: string,
  valid: (v: Line) => v is Line & T,
): { entries: T[]; unreadable: number[] } {
  if (!existsSync(path)) return { entries: [], unreadable: [] };
  const entries: T[] = [];
  const unreadable: number[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        const value: unknown = JSON.parse(line);
        if (typeof value === 'object' && value !== null && valid(value as Line))
          entries.push(value as Line & T);
        else unreadable.push(index + 1);
      } catch {
        unreadable.push(index + 1);
      }
    });
  return { entries, unreadable };
}
