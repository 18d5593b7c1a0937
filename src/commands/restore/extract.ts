import {
  chmodSync,
  closeSync,
  copyFileSync,
  fsync,
  mkdirSync,
  openSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { linkStaysInside } from '../../adapters/archive/entry-name.js';
import { ArchiveError, type EntrySink, type ZipEntry } from '../../adapters/archive/zip-reader.js';

/**
 * Writes entries into a fresh staging directory. Names were already checked by the reader (no
 * absolute paths, no "..", no duplicates); here files are created exclusively (`wx`), so nothing
 * that exists is ever overwritten, and links are created only after every file is written and
 * only when they stay inside, so no write can pass through a link.
 */
export class StagingExtractor {
  private readonly links: Array<{ name: string; target: string; path: string }> = [];
  private readonly dirModes: Array<{ path: string; mode: number; mtimeMs: number }> = [];
  private readonly createdDirs = new Set<string>();
  /** fsyncs in flight: each file is flushed in the thread pool while the next entries inflate. */
  private readonly flushing = new Set<Promise<void>>();
  filesWritten = 0;

  constructor(
    private readonly stageRoot: string,
    /** Which entries to extract (others are only verified). */
    private readonly wanted: (entry: ZipEntry) => boolean = () => true,
    private readonly afterFirstFile?: () => void,
  ) {
    mkdirSync(stageRoot, { recursive: true });
  }

  private pathOf(name: string): string {
    const path = resolve(this.stageRoot, ...name.replace(/\/$/, '').split('/'));
    if (!path.startsWith(resolve(this.stageRoot)))
      throw new ArchiveError('unsafe-name', `refused: entry "${name}" resolves outside the target`);
    return path;
  }

  private ensureDir(path: string): void {
    if (this.createdDirs.has(path)) return;
    mkdirSync(path, { recursive: true });
    this.createdDirs.add(path);
  }

  sinkFor = async (entry: ZipEntry): Promise<EntrySink | null> => {
    if (!this.wanted(entry)) return null;
    const path = this.pathOf(entry.name);
    if (entry.type === 'dir') {
      this.ensureDir(path);
      if (entry.mode !== null) this.dirModes.push({ path, mode: entry.mode, mtimeMs: entry.mtimeMs });
      return null;
    }
    this.ensureDir(dirname(path));
    const mode = entry.mode ?? 0o644;
    if (entry.type === 'symlink') {
      const parts: Buffer[] = [];
      return {
        // Copied: the reader reuses its read buffers.
        write: (chunk) => void parts.push(Buffer.from(chunk)),
        end: () => {
          const target = Buffer.concat(parts).toString('utf8');
          if (!linkStaysInside(entry.name, target))
            throw new ArchiveError(
              'unsafe-name',
              `refused: link "${entry.name}" points outside the target (${target})`,
            );
          this.links.push({ name: entry.name, target, path });
        },
        abort: () => undefined,
      };
    }
    const done = (): void => {
      this.filesWritten++;
      if (this.filesWritten === 1) this.afterFirstFile?.();
    };
    // Written as the chunks arrive, synchronously (page cache: a thread-pool round trip per write
    // costs more than the copy), so memory stays flat and no chunk is held after the reader moves on.
    const fd = openSync(path, 'wx', mode);
    let closed = false;
    const close = (): void => {
      if (!closed) closeSync(fd);
      closed = true;
    };
    return {
      write: (chunk) => {
        let off = 0;
        while (off < chunk.length) off += writeSync(fd, chunk, off);
      },
      end: async () => {
        finishFile(path, mode, entry.mtimeMs);
        // Durable before the journal commits: a power loss after the commit must not leave a
        // restored file empty. The flush overlaps with inflating the next entries.
        if (this.flushing.size >= MAX_FLUSHING) await Promise.race(this.flushing);
        closed = true;
        const flushed: Promise<void> = new Promise<void>((resolvePromise, reject) => {
          fsync(fd, (error) => {
            closeSync(fd);
            if (error) reject(error);
            else resolvePromise();
          });
        }).finally(() => this.flushing.delete(flushed));
        this.flushing.add(flushed);
        done();
      },
      abort: () => {
        close();
        rmSync(path, { force: true });
      },
    };
  };

  /**
   * Waits until every staged file is on disk, then syncs the staged directories (their entries
   * are what the swap renames into place). Call before the journal commits.
   */
  async flush(): Promise<void> {
    await Promise.all(this.flushing);
    if (process.platform === 'win32') return; // directories cannot be fsynced there
    // Every directory from a created one up to the staging root: recursive mkdir made the parents.
    const root = resolve(this.stageRoot);
    const dirs = new Set<string>([root]);
    for (const created of this.createdDirs) {
      for (let d = resolve(created); d.startsWith(root) && !dirs.has(d); d = dirname(d)) dirs.add(d);
    }
    const queue = [...dirs];
    const syncNext = async (): Promise<void> => {
      for (let dir = queue.pop(); dir !== undefined; dir = queue.pop()) {
        const fd = openSync(dir, 'r');
        try {
          await new Promise<void>((resolvePromise, reject) => {
            fsync(fd, (error) => {
              error ? reject(error) : resolvePromise();
            });
          });
        } finally {
          closeSync(fd);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(MAX_FLUSHING, queue.length) }, syncNext));
  }

  /** Creates the deferred links and applies directory modes. Call after verification passed. */
  finish(): void {
    for (const link of this.links) createLink(link.target, link.path);
    for (const d of this.dirModes.reverse()) {
      try {
        if (process.platform !== 'win32') chmodSync(d.path, d.mode);
        utimesSync(d.path, d.mtimeMs / 1000, d.mtimeMs / 1000);
      } catch {
        /* best effort: modes where the OS has them */
      }
    }
  }
}

/** fsyncs allowed in flight at once (each holds a file descriptor). */
const MAX_FLUSHING = 32;

function finishFile(path: string, mode: number, mtimeMs: number): void {
  // The umask may have narrowed the mode given to open().
  if (process.platform !== 'win32') chmodSync(path, mode);
  utimesSync(path, mtimeMs / 1000, mtimeMs / 1000);
}

/** A symlink where the OS allows it; on Windows without the privilege, a junction or a copy. */
function createLink(target: string, path: string): void {
  try {
    symlinkSync(target, path);
  } catch (error) {
    if (process.platform !== 'win32' || (error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    const absolute = resolve(dirname(path), target);
    if (statSync(absolute).isDirectory()) symlinkSync(absolute, path, 'junction');
    else copyFileSync(absolute, path);
  }
}

export function stagePath(stageRoot: string, relPosix: string): string {
  return join(stageRoot, ...relPosix.split('/'));
}
