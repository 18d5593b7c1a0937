import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../runtime/atomic-file.js';

/**
 * The restore journal: `<root>/.dhash-restore/<txid>/journal.json`, rewritten atomically at each
 * step. Its `state` is the commit point of a restore. Before "committed" nothing live has been
 * touched, and recovery throws the staging away (the target stays wholly old). From "committed"
 * on, recovery finishes the remaining renames (the target becomes wholly new). Staging happens
 * while the service still runs; it is stopped only from the commit to the end of the renames.
 * A committed journal left by a killed run is a half-restored tree: backups, deploys and
 * rollouts refuse until a rollback completes it.
 */
export const RESTORE_DIR = '.dhash-restore';

export type JournalState = 'staging' | 'staged' | 'committed' | 'applied';

export interface SwapRecord {
  /** Live path relative to the root ("/"-separated). */
  path: string;
  /** "whole": one rename; "contents": a mount point, its entries renamed one by one. */
  kind: 'whole' | 'contents';
  /** Absolute: the staged content, and where the live content is moved aside. */
  staged: string;
  old: string;
  /** Contents swaps: set once every live entry was moved aside (then only staged ones move in). */
  emptied?: boolean;
}

export interface RestoreJournal {
  txid: string;
  state: JournalState;
  backup: string;
  archive_sha256: string;
  environment: string;
  started_at: string;
  /** A release directory this restore created (removed again if the restore is abandoned). */
  created_release: string | null;
  /** The release `current` is switched to on commit; null leaves `current` alone. */
  switch_current_to: string | null;
  previous_current: string | null;
  swaps: SwapRecord[];
  /** Staging directories, created after this journal names them, removed with it. */
  stage_dirs: string[];
  /** Who runs it: an uncommitted restore of a live process is left alone. */
  pid: number;
  host: string;
}

/** True when a restore committed and was not completed: the live tree is half old, half new. */
export function pendingRestore(root: string): RestoreJournal | null {
  for (const { journal } of readJournals(root)) if (journal?.state === 'committed') return journal;
  return null;
}

export function transactionDir(root: string, txid: string): string {
  return join(root, RESTORE_DIR, txid);
}

export function writeJournal(root: string, journal: RestoreJournal): void {
  writeFileAtomic(
    join(transactionDir(root, journal.txid), 'journal.json'),
    Buffer.from(JSON.stringify(journal, null, 1)),
  );
}

export function readJournals(root: string): Array<{ txid: string; journal: RestoreJournal | null }> {
  const dir = join(root, RESTORE_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((txid) => {
      try {
        return {
          txid,
          journal: JSON.parse(readFileSync(join(dir, txid, 'journal.json'), 'utf8')) as RestoreJournal,
        };
      } catch {
        return { txid, journal: null };
      }
    });
}

/** Where tests stop a restore with SIGKILL: DHASH_ROLLOUT_CRASH_AT=<point>. Read only here. */
export const CRASH_POINTS = [
  'extracting',
  'staged',
  'committed',
  'swap-old-moved',
  'swap-new-placed',
  'switched',
  'applied',
] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

export function crashPoint(point: CrashPoint, env: NodeJS.ProcessEnv = process.env): void {
  if (env.DHASH_ROLLOUT_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}
