import { spawnSync } from 'node:child_process';
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
import { dirname, join, resolve, sep } from 'node:path';
import { decodeName, fsPath } from '../../domain/backup/raw-name.js';
import type { EntrySink, ZipEntry } from '../../adapters/archive/zip-reader.js';
import { ArchiveError } from '../../domain/backup/archive-error.js';

/**
 * Writes entries into fresh staging directories (one per restored path, each on that path's file
 * system; see layout.ts). Names were already checked by the reader (no absolute paths, no "..",
 * no duplicates); here files are created exclusively (`wx`), so nothing that exists is ever
 * overwritten, and links are created only after every file is written, so no write can pass
 * through a link. Where links lead is checked afterwards, on the staged files (tree-view.ts).
 * Modes are masked: setuid and setgid only when the caller allows them.
 */
export interface ExtractOptions {
  /** Where an entry (archive name, no trailing "/") is written, or null to only verify it. */
  placeOf: (name: string) => string | null;
  /** The staging directories: directory syncs stop there. */
  stageDirs: string[];
  /** Keep setuid/setgid bits (default: cleared). */
  allowSetid?: boolean;
  afterFirstFile?: () => void;
}

export class StagingExtractor {
  private readonly links: Array<{ name: string; target: Buffer; path: string }> = [];
  private readonly dirModes: Array<{ path: string; mode: number; mtimeMs: number }> = [];
  private readonly createdDirs = new Set<string>();
  /** Files written, for the per-file flush where syncfs is not available. */
  private readonly written: string[] = [];
  private readonly fileMask: number;
  private readonly dirMask: number;
  filesWritten = 0;
  bytesWritten = 0;

  constructor(private readonly options: ExtractOptions) {
    const setid = options.allowSetid ? 0o6000 : 0;
    this.fileMask = 0o777 | setid;
    this.dirMask = 0o1777 | setid;
  }

  private pathOf(name: string): string | null {
    const bare = name.replace(/\/$/, '');
    const path = this.options.placeOf(bare);
    if (path === null) return null;
    const inside = this.options.stageDirs.some((d) => path.startsWith(resolve(d) + sep));
    if (!inside)
      throw new ArchiveError('unsafe-name', `refused: entry "${name}" resolves outside the staging area`);
    return path;
  }

  private ensureDir(path: string): void {
    if (this.createdDirs.has(path)) return;
    mkdirSync(fsPath(path), { recursive: true, mode: 0o700 });
    this.createdDirs.add(path);
  }

  sinkFor = async (entry: ZipEntry): Promise<EntrySink | null> => {
    const path = this.pathOf(entry.name);
    if (path === null) return null;
    if (entry.type === 'dir') {
      this.ensureDir(path);
      this.dirModes.push({ path, mode: (entry.mode ?? 0o755) & this.dirMask, mtimeMs: entry.mtimeMs });
      return null;
    }
    this.ensureDir(dirname(path));
    const mode = (entry.mode ?? 0o644) & this.fileMask;
    if (entry.type === 'symlink') {
      const parts: Buffer[] = [];
      return {
        // Copied: the reader reuses its read buffers.
        write: (chunk) => void parts.push(Buffer.from(chunk)),
        end: () => void this.links.push({ name: entry.name, target: Buffer.concat(parts), path }),
        abort: () => undefined,
      };
    }
    const done = (): void => {
      this.filesWritten++;
      this.bytesWritten += entry.size;
      if (this.filesWritten === 1) this.options.afterFirstFile?.();
    };
    // Written as the chunks arrive, synchronously (page cache: a thread-pool round trip per write
    // costs more than the copy), so memory stays flat and no chunk is held after the reader moves on.
    const fd = openSync(fsPath(path), 'wx', 0o600);
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
      end: () => {
        finishFile(path, mode, entry.mtimeMs);
        close();
        // Made durable before the journal commits (flush): one syncfs per file system there,
        // instead of one fsync per file, which costs more than the extraction on small files.
        this.written.push(path);
        done();
      },
      abort: () => {
        close();
        rmSync(fsPath(path), { force: true });
      },
    };
  };

  /**
   * Puts every staged file and folder on disk: a power loss after the journal commits must not
   * leave a restored file empty. On Linux one `sync -f` (syncfs(2)) per staging file system, as
   * `unzip && sync` would; elsewhere, or if that is not available, each file and folder fsynced.
   */
  async flush(): Promise<void> {
    if (process.platform === 'linux' && syncFileSystems(this.options.stageDirs)) return;
    const files = [...this.written];
    const tops = this.options.stageDirs.map((d) => resolve(d));
    const dirs = new Set<string>();
    if (process.platform !== 'win32') {
      for (const top of tops) {
        dirs.add(top);
        dirs.add(dirname(top));
      }
      for (const created of this.createdDirs) {
        for (
          let d = resolve(created);
          !dirs.has(d) && tops.some((t) => d.startsWith(t + sep));
          d = dirname(d)
        )
          dirs.add(d);
      }
    }
    const queue = [...files, ...dirs];
    const syncNext = async (): Promise<void> => {
      for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
        let fd: number;
        try {
          fd = openSync(fsPath(path), 'r');
        } catch {
          continue; // moved since (the release folder)
        }
        try {
          await new Promise<void>((resolvePromise, reject) => {
            fsync(fd, (error) => {
              if (error) reject(error);
              else resolvePromise();
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
        if (process.platform !== 'win32') chmodSync(fsPath(d.path), d.mode);
        utimesSync(fsPath(d.path), d.mtimeMs / 1000, d.mtimeMs / 1000);
      } catch {
        /* best effort: modes where the OS has them */
      }
    }
  }
}

/** fsyncs allowed in flight at once (each holds a file descriptor). */
const MAX_FLUSHING = 32;

/** syncfs(2) of each file system holding one of `paths`, through coreutils `sync -f`; false if it failed. */
function syncFileSystems(paths: string[]): boolean {
  const result = spawnSync('sync', ['-f', ...new Set(paths)], { stdio: 'ignore' });
  return result.status === 0;
}

function finishFile(path: string, mode: number, mtimeMs: number): void {
  // Created 0600 so nothing is readable while it is written; now the (masked) archived mode.
  if (process.platform !== 'win32') chmodSync(fsPath(path), mode);
  utimesSync(fsPath(path), mtimeMs / 1000, mtimeMs / 1000);
}

/** A symlink where the OS allows it; on Windows without the privilege, a junction or a copy. */
function createLink(target: Buffer, path: string): void {
  try {
    symlinkSync(target, fsPath(path));
  } catch (error) {
    if (process.platform !== 'win32' || (error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    const absolute = resolve(dirname(path), decodeName(target));
    if (statSync(absolute).isDirectory()) symlinkSync(absolute, path, 'junction');
    else copyFileSync(absolute, path);
  }
}

export function stagePath(stageRoot: string, relPosix: string): string {
  return join(stageRoot, ...relPosix.split('/'));
}
