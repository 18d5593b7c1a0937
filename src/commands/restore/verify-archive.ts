import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { ScanOptions, ZipDirectory, ZipEntry } from '../../adapters/archive/zip-reader.js';
import { ArchiveError } from '../../domain/backup/archive-error.js';
import {
  MANIFEST_NAME,
  ManifestError,
  compareWithManifest,
  type ArchivedEntry,
  parseManifest,
  recordsOf,
  type BackupManifest,
} from '../../domain/backup/manifest.js';
import { SIDECAR_SUFFIX, parseSidecar } from '../../domain/backup/naming.js';
import { SIGNATURE_SUFFIX, signatureMatches } from '../../domain/backup/signature.js';
import { decodeName } from '../../domain/backup/raw-name.js';
import type { BackupArchiveReader } from '../backup-ports.js';
import { UNKNOWN_OUTSIDE, linksLeavingTarget, manifestView, releaseDirOf } from './tree-view.js';

/**
 * The one verification every path uses (after writing, `backup verify`, before and during a
 * restore): the archive's SHA-256 against its sidecar, the central directory and local headers,
 * every entry inflated, size- and CRC-checked and hashed, and the result compared with the manifest.
 */
export class BackupRejectedError extends Error {
  constructor(
    readonly reason:
      | 'not-found'
      | 'not-zip'
      | 'corrupt'
      | 'unsafe'
      | 'checksum'
      | 'manifest'
      | 'sidecar'
      | 'mismatch'
      | 'signature',
    message: string,
  ) {
    super(message);
    this.name = 'BackupRejectedError';
  }
}

export interface SidecarState {
  present: boolean;
  sha256?: string;
  /** The path written in the sidecar (what `sha256sum -c` will open). */
  path?: string;
}

export interface VerifiedArchive {
  path: string;
  sizeBytes: number;
  archiveSha256: string;
  manifest: BackupManifest;
  sidecar: SidecarState;
  directory: ZipDirectory;
}

export interface VerifyOptions {
  /**
   * A manifest already read and checked, with the SHA-256 of its bytes: when the archive's
   * manifest.json has exactly those bytes, this object is used instead of parsing it again (the
   * manifest of a tree of 40,000 files is tens of MB of objects; two copies were the peak of the
   * memory of a backup's verification and of a restore).
   */
  knownManifest?: { sha256: string; manifest: BackupManifest };
  /** The archive reader (src/wiring/backup-archives.ts). */
  archives: BackupArchiveReader;
  /**
   * The central directory, when it was read already (the restore reads it for the manifest): not
   * read and held a second time. The scan refuses a file other than the one it was read from.
   */
  directory?: ZipDirectory;
  /** Require the archive to hash to this (e.g. the sidecar read before a restore began). */
  expectedSha256?: string;
  /** Refuse when there is no sidecar. Default true: an unverifiable backup is not "good". */
  requireSidecar?: boolean;
  sinkFor?: ScanOptions['sinkFor'];
  onProgress?: ScanOptions['onProgress'];
  /**
   * Hash every entry and compare with the manifest's sha256 (default true). The re-read right after
   * writing turns it off: the CRC-32s it checks were computed from the same source bytes as the
   * manifest's hashes, and the whole-archive SHA-256 it computes goes into the sidecar.
   */
  entryHashes?: boolean;
  /** Signing key: when given, the archive must carry a valid `<zip>.sig` (see signature.ts). */
  hmacKey?: Buffer;
  /**
   * Where absolute links may point (the target root); default: the root the manifest names,
   * which is enough to judge the archive on its own, as `backup verify` does.
   */
  targetRoot?: string;
}

export function readSidecar(archivePath: string): SidecarState {
  const path = `${archivePath}${SIDECAR_SUFFIX}`;
  if (!existsSync(path)) return { present: false };
  const parsed = parseSidecar(readFileSync(path, 'utf8'));
  if (!parsed)
    throw new BackupRejectedError('sidecar', `${path} is not in sha256sum format ("<64 hex>  <file>")`);
  return { present: true, sha256: parsed.sha256, path: parsed.path };
}

function sidecarOrRefuse(path: string, options: VerifyOptions): SidecarState {
  if (!existsSync(path)) throw new BackupRejectedError('not-found', `backup not found: ${path}`);
  const sidecar = readSidecar(path);
  if (!sidecar.present && options.requireSidecar !== false) {
    throw new BackupRejectedError(
      'sidecar',
      `${path} has no ${SIDECAR_SUFFIX} sidecar, so its integrity cannot be proven; refusing it`,
    );
  }
  return sidecar;
}

type ArchiveScan = Awaited<ReturnType<BackupArchiveReader['scan']>>;

interface ScannedArchive {
  directory: ZipDirectory;
  scan: ArchiveScan;
  /** manifest.json's bytes, when it was small enough to be read whole. */
  manifestBytes?: Buffer;
  /** Every link's target, by entry name. */
  links: Map<string, Buffer>;
}

/** An archive error as the rejection it is reported as. */
function rejectionOf(error: ArchiveError, path: string): BackupRejectedError {
  const reason =
    error.kind === 'not-zip'
      ? 'not-zip'
      : error.kind === 'unsafe-name' || error.kind === 'duplicate'
        ? 'unsafe'
        : error.kind === 'checksum'
          ? 'checksum'
          : 'corrupt';
  return new BackupRejectedError(reason, `${path}: ${error.message}`);
}

/** The manifest's hash of each file entry, by name: the scan keeps these strings (see ScanOptions). */
function expectedHashes(
  manifest: BackupManifest | undefined,
): ((entry: ZipEntry) => string | undefined) | undefined {
  if (!manifest) return undefined;
  const records = recordsOf(manifest);
  return (entry) => (entry.type === 'file' ? records.get(entry.name)?.sha256 : undefined);
}

/** Reads the central directory and every entry (checked, inflated, hashed; into the sinks if any). */
async function scanArchive(path: string, options: VerifyOptions): Promise<ScannedArchive> {
  const read: { manifest?: Buffer } = {};
  const links = new Map<string, Buffer>();
  const knownByHash = Boolean(options.knownManifest) && options.entryHashes !== false;
  try {
    const directory = options.directory ?? (await options.archives.readDirectory(path));
    if (!directory.entries.some((e) => e.name === MANIFEST_NAME))
      throw new BackupRejectedError('manifest', `${path} has no ${MANIFEST_NAME}; it is not a dhash backup`);
    const scan = await options.archives.scan(path, directory, {
      sinkFor: options.sinkFor,
      onProgress: options.onProgress,
      hashEntries: options.entryHashes !== false,
      expectedSha256: expectedHashes(options.knownManifest?.manifest),
      // With a known manifest and entry hashes, manifest.json's own hash says whether its bytes
      // are the known ones: it is not held whole (tens of MB for a tree of 40,000 files).
      wantWhole: (e) => (e.name === MANIFEST_NAME && !knownByHash) || e.type === 'symlink',
      onSmallEntry: (e, content) => {
        if (e.name === MANIFEST_NAME) read.manifest = content;
        else links.set(e.name, content);
      },
    });
    return { directory, scan, manifestBytes: read.manifest, links };
  } catch (error) {
    if (error instanceof ArchiveError) throw rejectionOf(error, path);
    throw error;
  }
}

/** The archive's manifest: the known one when the bytes are the same, else parsed and validated. */
function manifestOf(path: string, scanned: ScannedArchive, options: VerifyOptions): BackupManifest {
  const known = options.knownManifest;
  const bytes = scanned.manifestBytes;
  if (!bytes && known) {
    // Not read whole (see scanArchive): its hash decides.
    const entry = scanned.scan.entries.find((e) => e.entry.name === MANIFEST_NAME);
    if (entry?.sha256 === known.sha256) return known.manifest;
    throw new BackupRejectedError('mismatch', `${path}: ${MANIFEST_NAME} is not the one read before`);
  }
  if (!bytes) throw new BackupRejectedError('manifest', `${path}: ${MANIFEST_NAME} is missing or too large`);
  try {
    return known && createHash('sha256').update(bytes).digest('hex') === known.sha256
      ? known.manifest
      : parseManifest(bytes.toString('utf8'));
  } catch (error) {
    if (error instanceof ManifestError)
      throw new BackupRejectedError('manifest', `${path}: ${error.message}`);
    throw error;
  }
}

/** Every entry (type, size, mode, hash) and every link's target must be what the manifest says. */
function checkEntriesAgainstManifest(
  path: string,
  manifest: BackupManifest,
  scanned: ScannedArchive,
  options: VerifyOptions,
): void {
  const archived = new Map<string, ArchivedEntry>();
  for (const one of scanned.scan.entries)
    if (one.entry.name !== MANIFEST_NAME) archived.set(one.entry.name, one);
  const comparison = compareWithManifest(manifest, archived, { hashes: options.entryHashes !== false });
  if (!comparison.ok)
    throw new BackupRejectedError(
      'manifest',
      `${path} does not match its manifest:\n  - ${comparison.problems.join('\n  - ')}`,
    );
  for (const f of manifest.files) {
    if (f.type !== 'symlink') continue;
    const content = scanned.links.get(f.path);
    if (!content || decodeName(content) !== f.target)
      throw new BackupRejectedError(
        'manifest',
        `${path}: link "${f.path}" does not point where its manifest says`,
      );
  }
}

/** No link of the archive may lead outside the target root. */
function checkLinksStayInside(path: string, manifest: BackupManifest, options: VerifyOptions): void {
  const escapes = linksLeavingTarget(
    manifest,
    releaseDirOf(manifest),
    manifestView(manifest, releaseDirOf(manifest), UNKNOWN_OUTSIDE),
    options.targetRoot ?? manifest.target_root,
  );
  if (escapes.length > 0)
    throw new BackupRejectedError('unsafe', `${path}: refused: ${escapes.slice(0, 5).join('; ')}`);
}

/**
 * The checks of verifyArchive that read no entry content, for an archive whose bytes were proven
 * another way (a backup just written: see ZipFileWriter.verifyWritten): it holds a manifest, every
 * entry's type, size and mode are the manifest's, every link's target is, and no link leaves the target.
 */
export function checkDirectoryAgainstManifest(
  path: string,
  manifest: BackupManifest,
  directory: ZipDirectory,
  links: Map<string, Buffer>,
): void {
  if (!directory.entries.some((e) => e.name === MANIFEST_NAME))
    throw new BackupRejectedError('manifest', `${path} has no ${MANIFEST_NAME}; it is not a dhash backup`);
  const scanned: ScannedArchive = {
    directory,
    scan: {
      archiveSha256: '',
      entries: directory.entries.map((entry) => ({ entry, sha256: '' })),
      bytesOut: 0,
    },
    links,
  };
  const options = { entryHashes: false } as VerifyOptions;
  checkEntriesAgainstManifest(path, manifest, scanned, options);
  checkLinksStayInside(path, manifest, options);
}

export async function verifyArchive(path: string, options: VerifyOptions): Promise<VerifiedArchive> {
  const sidecar = sidecarOrRefuse(path, options);
  const expected = options.expectedSha256 ?? sidecar.sha256;
  const scanned = await scanArchive(path, options);
  const { directory, scan } = scanned;
  if (expected && scan.archiveSha256 !== expected) {
    throw new BackupRejectedError(
      'checksum',
      `${path}: SHA-256 is ${scan.archiveSha256}, but its sidecar says ${expected}; the file was altered or damaged`,
    );
  }
  const manifest = manifestOf(path, scanned, options);
  checkEntriesAgainstManifest(path, manifest, scanned, options);
  checkLinksStayInside(path, manifest, options);
  if (options.hmacKey) checkSignature(path, scan.archiveSha256, options.hmacKey);
  return {
    path,
    sizeBytes: directory.fileSize,
    archiveSha256: scan.archiveSha256,
    manifest,
    sidecar,
    directory,
  };
}

function checkSignature(path: string, archiveSha256: string, key: Buffer): void {
  const sigPath = `${path}${SIGNATURE_SUFFIX}`;
  if (!existsSync(sigPath))
    throw new BackupRejectedError(
      'signature',
      `${path} is not signed (no ${SIGNATURE_SUFFIX}) and a signing key is set: it was not made by this tool with this key`,
    );
  if (!signatureMatches(key, archiveSha256, readFileSync(sigPath, 'utf8')))
    throw new BackupRejectedError(
      'signature',
      `${path}: its signature ${sigPath} does not match (made with another key, or the archive was replaced)`,
    );
}
