import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { access, open, readdir, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DirectoryEntry } from '../../domain/log-validation/selection.js';

export interface DirectoryProbe {
  exists: boolean;
  /** Null when the directory does not exist (its nearest ancestor's writability is in detail). */
  writable: boolean | null;
  detail: string;
  severity: 'ok' | 'warning' | 'error';
}

/**
 * Proves the directory is writable by creating, syncing and removing a uniquely named temp file:
 * `access(W_OK)` can say yes on a read-only mount or to root, and writing to any real log (or to
 * the notification fallback) would corrupt what we are validating.
 */
export async function probeLogDirectory(dir: string): Promise<DirectoryProbe> {
  let info: Stats;
  try {
    info = await stat(dir);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    if (failure.code !== 'ENOENT')
      return {
        exists: false,
        writable: false,
        detail: `cannot stat ${dir}: ${failure.code ?? failure.message}`,
        severity: 'error',
      };
    const ancestor = await nearestExisting(dir);
    const ok = await access(ancestor, constants.W_OK).then(
      () => true,
      () => false,
    );
    return ok
      ? {
          exists: false,
          writable: null,
          detail: `${dir} does not exist yet; the first command will create it (${ancestor} is writable)`,
          severity: 'warning',
        }
      : {
          exists: false,
          writable: false,
          detail: `${dir} does not exist and ${ancestor} is not writable, so it cannot be created`,
          severity: 'error',
        };
  }
  if (!info.isDirectory())
    return {
      exists: true,
      writable: false,
      detail: `${dir} exists but is not a directory`,
      severity: 'error',
    };

  const probe = join(dir, `.validate-logging-probe-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(probe, 'wx');
    try {
      await handle.writeFile('{"probe":true}\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return {
      exists: true,
      writable: false,
      detail: `cannot write in ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      severity: 'error',
    };
  }
  try {
    await unlink(probe);
  } catch (error) {
    return {
      exists: true,
      writable: true,
      detail: `writable, but the probe file ${probe} could not be removed: ${(error as Error).message}`,
      severity: 'warning',
    };
  }
  return {
    exists: true,
    writable: true,
    detail: 'writable (a temp file was created, synced and removed)',
    severity: 'ok',
  };
}

async function nearestExisting(path: string): Promise<string> {
  let current = path;
  for (;;) {
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
    if (
      await stat(current).then(
        () => true,
        () => false,
      )
    )
      return current;
  }
}

/** Regular files of the directory with size and mtime; empty when it does not exist. */
export async function listDirectory(dir: string): Promise<DirectoryEntry[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const entries: DirectoryEntry[] = [];
  for (const name of names) {
    const info = await stat(join(dir, name)).catch(() => null);
    if (info?.isFile()) entries.push({ name, bytes: info.size, mtimeMs: info.mtimeMs });
  }
  return entries;
}
