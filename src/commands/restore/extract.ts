import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  fchmodSync,
  futimesSync,
  fsync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  type Dirent,
  statSync,
  symlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { decodeName, fsPath } from '../../domain/backup/raw-name.js';
import type { EntrySink, ZipEntry } from '../../adapters/archive/zip-reader.js';
import { ArchiveError } from '../../domain/backup/archive-error.js';
import { StagedFilePool, type StagedFile } from './staged-file-pool.js';

/** Files up to this size are written by the pool's workers, a batch at a time. */
const POOLED_FILE_BYTES = 256 * 1024;
const BATCH_BYTES = 1024 * 1024;
const BATCH_FILES = 256;

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
  private readonly fileMask: number;
  private readonly dirMask: number;
  filesWritten = 0;
  bytesWritten = 0;
  private pool: StagedFilePool | null = null;
  private batch: { files: StagedFile[]; body: ArrayBuffer; buffer: Buffer; used: number } | null = null;

  /** The staging directories, resolved once, each with a trailing separator. */
  private readonly stageTops: string[];

  constructor(private readonly options: ExtractOptions) {
    this.stageTops = options.stageDirs.map((d) => resolve(d) + sep);
    const setid = options.allowSetid ? 0o6000 : 0;
    this.fileMask = 0o777 | setid;
    this.dirMask = 0o1777 | setid;
  }

  private pathOf(name: string): string | null {
    const bare = name.replace(/\/$/, '');
    const path = this.options.placeOf(bare);
    if (path === null) return null;
    const inside = this.stageTops.some((top) => path.startsWith(top));
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
    if (entry.size <= POOLED_FILE_BYTES) return this.pooledSink(entry, path, mode, done);
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
        finishFile(fd, mode, entry.mtimeMs);
        close();
        // Made durable before the journal commits (flush): one syncfs per file system there,
        // instead of one fsync per file, which costs more than the extraction on small files.
        done();
      },
      abort: () => {
        close();
        rmSync(fsPath(path), { force: true });
      },
    };
  };

  /**
   * A small file's content is copied into the current batch as it arrives; once the entry passed
   * its checks (end), the file joins the batch, which the pool's workers create when it is full.
   */
  private async pooledSink(
    entry: ZipEntry,
    path: string,
    mode: number,
    done: () => void,
  ): Promise<EntrySink> {
    if (this.batch && this.batch.used + entry.size > BATCH_BYTES + POOLED_FILE_BYTES) await this.sendBatch();
    this.pool ??= new StagedFilePool(BATCH_BYTES + POOLED_FILE_BYTES);
    if (!this.batch) {
      const body = this.pool.takeBuffer();
      this.batch = { files: [], body, buffer: Buffer.from(body), used: 0 };
    }
    const batch = this.batch;
    const start = batch.used;
    let at = start;
    return {
      // The reader never passes more than the entry's declared size, which was made room for.
      write: (chunk) => {
        chunk.copy(batch.buffer, at);
        at += chunk.length;
      },
      end: async () => {
        batch.files.push({
          path: fsPath(path),
          mode,
          mtime: entry.mtimeMs / 1000,
          offset: start,
          length: at - start,
        });
        batch.used = at;
        done();
        if (batch.used >= BATCH_BYTES || batch.files.length >= BATCH_FILES) await this.sendBatch();
      },
      // Nothing was written: the batch's mark did not move past this entry.
      abort: () => undefined,
    };
  }

  private async sendBatch(): Promise<void> {
    const batch = this.batch;
    this.batch = null;
    if (!batch || batch.files.length === 0 || !this.pool) return;
    await this.pool.write(batch.files, batch.body, process.platform !== 'win32');
  }

  /** Every pooled file written (or the first failure thrown). */
  private async drain(): Promise<void> {
    await this.sendBatch();
    await this.pool?.drain();
  }

  /** Stops the file-writing workers once what they were given is done; safe to call twice. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    this.batch = null;
    await pool?.close();
  }

  /**
   * Puts every staged file and folder on disk: a power loss after the journal commits must not
   * leave a restored file empty. On Linux one `sync -f` (syncfs(2)) per staging file system, as
   * `unzip && sync` would; elsewhere, or if that is not available, each file and folder fsynced,
   * found by walking the staging areas and `moved` (what was renamed out of them: the release),
   * so no list of tens of thousands of paths is kept while extracting.
   */
  async flush(moved: string[] = []): Promise<void> {
    if (process.platform === 'linux' && syncFileSystems(this.options.stageDirs)) return;
    const withDirs = process.platform !== 'win32';
    const queue: string[] = [];
    for (const top of [...this.options.stageDirs, ...moved]) {
      collectTree(resolve(top), queue, withDirs);
      if (withDirs) queue.push(dirname(resolve(top)));
    }
    const syncNext = async (): Promise<void> => {
      for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
        let fd: number;
        try {
          fd = openSync(fsPath(path), 'r');
        } catch {
          continue; // gone since
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

  /**
   * Waits for every file to be written, then creates the deferred links (no write can pass
   * through them) and applies directory modes. Call after verification passed.
   */
  async finish(): Promise<void> {
    await this.drain();
    await this.close();
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

/** Every regular file and (with `withDirs`) folder under `dir`, the folder itself included; links are not followed. */
function collectTree(dir: string, into: string[], withDirs: boolean): void {
  let entries: Dirent<Buffer>[];
  try {
    entries = readdirSync(fsPath(dir), { withFileTypes: true, encoding: 'buffer' });
  } catch {
    return; // gone since
  }
  for (const entry of entries) {
    const path = join(dir, decodeName(entry.name));
    if (entry.isDirectory()) collectTree(path, into, withDirs);
    else if (entry.isFile()) into.push(path);
  }
  if (withDirs) into.push(dir);
}

/** fsyncs allowed in flight at once (each holds a file descriptor). */
const MAX_FLUSHING = 32;

/** syncfs(2) of each file system holding one of `paths`, through coreutils `sync -f`; false if it failed. */
export function syncFileSystems(paths: string[]): boolean {
  const result = spawnSync('sync', ['-f', ...new Set(paths)], { stdio: 'ignore' });
  return result.status === 0;
}

function finishFile(fd: number, mode: number, mtimeMs: number): void {
  // Created 0600 so nothing is readable while it is written; now the (masked) archived mode.
  if (process.platform !== 'win32') fchmodSync(fd, mode);
  futimesSync(fd, mtimeMs / 1000, mtimeMs / 1000);
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
