import type { TreeOptions } from '../adapters/archive/source-tree.js';
import type {
  EntrySource,
  WrittenArchive,
  WrittenEntry,
  ZipWriterOptions,
} from '../adapters/archive/zip-writer.js';
import type { ScanOptions, ScanResult, ZipDirectory, ZipEntry } from '../adapters/archive/zip-reader.js';
import type { Activation } from '../adapters/targets/release-history.js';
import type { BackupManifest } from '../domain/backup/manifest.js';

/**
 * The ports of the backup, verify and restore use-cases. src/wiring/backup-archives.ts builds
 * them from the zip code and the local target's `current` link; the use-cases import only these
 * types, so the archive format or the link handling can change without touching them.
 */

/** Reads backup archives; every read is bounded and checked (see the zip reader). */
export interface BackupArchiveReader {
  /** The archive's manifest.json, without verifying the rest (throws when it has none). */
  readManifest(path: string): Promise<BackupManifest>;
  /** The central directory: every entry's name, type, sizes and offsets. */
  readDirectory(path: string): Promise<ZipDirectory>;
  /** One pass over every entry: inflated, size- and CRC-checked, optionally hashed and extracted. */
  scan(path: string, directory: ZipDirectory, options?: ScanOptions): Promise<ScanResult>;
  /** One small entry's content, refused beyond `limit` bytes. */
  readEntry(path: string, entry: ZipEntry, limit: number): Promise<Buffer>;
}

/** One archive being written; `finish` makes it complete, `close` abandons it. */
export interface BackupArchiveWriter {
  addAll(sources: Iterable<EntrySource>, onEntry?: (entry: WrittenEntry) => void): Promise<void>;
  /** One entry held in memory, deflated and proven off the main thread (the manifest). */
  addDeflated(source: EntrySource & { data: Buffer }, onEntry?: (entry: WrittenEntry) => void): Promise<void>;
  finish(): Promise<number>;
  /** After finish: re-reads the archive and proves it is the one written; its SHA-256 and directory. */
  verifyWritten(onProgress?: (bytesRead: number, total: number) => void): Promise<WrittenArchive>;
  close(): Promise<void>;
}

/** The local target's release links: `current` and the releases/ it points into. */
export interface ReleaseLinks {
  /** The release `current` points at, or null. */
  currentRelease(root: string): string | null;
  /** Where release `id` lives under the target root. */
  releasePath(root: string, id: string): string;
  /** Points `current` at release `id`, atomically where the platform allows. */
  switchCurrent(root: string, id: string): void;
  /** Notes in the target's history that `activation.release` went live (marking `abandon` abandoned). */
  recordActivation(root: string, activation: Activation, abandon?: string): void;
}

/** Everything backup and restore do with archives, source trees and release links. */
export interface BackupStorage extends BackupArchiveReader, ReleaseLinks {
  /**
   * A configured path's files as archive entries (content is read later, by the writer), listed
   * as they are iterated.
   */
  walkTree(absoluteRoot: string, entryPrefix: string, options?: TreeOptions): Iterable<EntrySource>;
  /** One file as an archive entry. */
  fileEntry(name: string, path: string, stat: { mode: number; mtimeMs: number; size: number }): EntrySource;
  /** Starts a new archive at `path` (which must not exist). */
  createWriter(path: string, options?: ZipWriterOptions): Promise<BackupArchiveWriter>;
  /**
   * Gets ready to write an archive soon (starts the compression workers), so that they boot while
   * the tree is listed. Optional: writing works without it.
   */
  prepareWriter?(): void;
}
