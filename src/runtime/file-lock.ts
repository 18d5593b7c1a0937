import { closeSync, openSync, readFileSync, rmdirSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

/**
 * An exclusive lock held as a file created with O_EXCL (`wx`), which is atomic on every OS and
 * filesystem we run on. The file records who holds it, so a refusal can say who and since when,
 * and a lock left by a dead process on this host can be recovered.
 */
export interface LockOwner {
  pid: number;
  host: string;
  since: string;
  purpose: string;
}

export type LockAttempt =
  { acquired: true; release: () => void } | { acquired: false; owner: LockOwner | null };

/** Whether a process with this pid exists on this host. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLockOwner(path: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

/** One attempt; a stale lock (dead pid on this host) is removed and the attempt repeated once. */
export function tryLock(path: string, purpose: string, now: Date = new Date()): LockAttempt {
  // Directories made only to hold the lock are removed with it (when still empty), so a run that
  // needed no more than the lock leaves no empty target root behind.
  const createdFrom = mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      const owner: LockOwner = { pid: process.pid, host: hostname(), since: now.toISOString(), purpose };
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      let released = false;
      return {
        acquired: true,
        release: () => {
          if (released) return;
          released = true;
          const current = readLockOwner(path);
          if (current && current.pid === process.pid && current.since === owner.since) {
            rmSync(path, { force: true });
            if (createdFrom) removeEmptyUpTo(dirname(path), createdFrom);
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readLockOwner(path);
      const stale = owner !== null && owner.host === hostname() && !isAlive(owner.pid);
      // A lock file that is empty or unparsable was torn by a crash between open and write.
      const torn = owner === null;
      if ((stale || torn) && attempt === 0) {
        rmSync(path, { force: true });
        continue;
      }
      return { acquired: false, owner };
    }
  }
  return { acquired: false, owner: readLockOwner(path) };
}

export function describeOwner(owner: LockOwner | null): string {
  if (!owner) return 'an unknown process';
  return `pid ${owner.pid} on ${owner.host} (${owner.purpose}) since ${owner.since}`;
}

function removeEmptyUpTo(dir: string, top: string): void {
  for (let d = dir; ; d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return; // not empty (someone put something there), or gone
    }
    if (d === top || dirname(d) === d) return;
  }
}
