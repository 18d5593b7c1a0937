import { existsSync, readFileSync } from 'node:fs';
import {
  readZipDirectory,
  scanZip,
  ArchiveError,
  type ScanOptions,
  type ZipDirectory,
} from '../../adapters/archive/zip-reader.js';
import {
  MANIFEST_NAME,
  ManifestError,
  compareWithManifest,
  parseManifest,
  type BackupManifest,
} from '../../domain/backup/manifest.js';
import { SIDECAR_SUFFIX, parseSidecar } from '../../domain/backup/naming.js';

/**
 * The one verification every path uses (after writing, `backup verify`, before and during a
 * restore): the archive's SHA-256 against its sidecar, the central directory and local headers,
 * every entry inflated, size- and CRC-checked and hashed, and the result compared with the manifest.
 */
export class BackupRejectedError extends Error {
  constructor(
    readonly reason:
      'not-found' | 'not-zip' | 'corrupt' | 'unsafe' | 'checksum' | 'manifest' | 'sidecar' | 'mismatch',
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
}

export function readSidecar(archivePath: string): SidecarState {
  const path = `${archivePath}${SIDECAR_SUFFIX}`;
  if (!existsSync(path)) return { present: false };
  const parsed = parseSidecar(readFileSync(path, 'utf8'));
  if (!parsed)
    throw new BackupRejectedError('sidecar', `${path} is not in sha256sum format ("<64 hex>  <file>")`);
  return { present: true, sha256: parsed.sha256, path: parsed.path };
}

export async function verifyArchive(path: string, options: VerifyOptions = {}): Promise<VerifiedArchive> {
  if (!existsSync(path)) throw new BackupRejectedError('not-found', `backup not found: ${path}`);
  const sidecar = readSidecar(path);
  if (!sidecar.present && options.requireSidecar !== false) {
    throw new BackupRejectedError(
      'sidecar',
      `${path} has no ${SIDECAR_SUFFIX} sidecar, so its integrity cannot be proven; refusing it`,
    );
  }
  const expected = options.expectedSha256 ?? sidecar.sha256;
  let directory: ZipDirectory;
  let manifestText: Buffer | null = null;
  const links = new Map<string, Buffer>();
  let scan;
  try {
    directory = await readZipDirectory(path);
    if (!directory.entries.some((e) => e.name === MANIFEST_NAME))
      throw new BackupRejectedError('manifest', `${path} has no ${MANIFEST_NAME}; it is not a dhash backup`);
    scan = await scanZip(path, directory, {
      sinkFor: options.sinkFor,
      onProgress: options.onProgress,
      hashEntries: options.entryHashes !== false,
      wantWhole: (e) => e.name === MANIFEST_NAME || e.type === 'symlink',
      onSmallEntry: (e, content) => {
        if (e.name === MANIFEST_NAME) manifestText = content;
        else links.set(e.name, content);
      },
    });
  } catch (error) {
    if (error instanceof ArchiveError) {
      const reason =
        error.kind === 'not-zip'
          ? 'not-zip'
          : error.kind === 'unsafe-name' || error.kind === 'duplicate'
            ? 'unsafe'
            : error.kind === 'checksum'
              ? 'checksum'
              : 'corrupt';
      throw new BackupRejectedError(reason, `${path}: ${error.message}`);
    }
    throw error;
  }
  if (expected && scan.archiveSha256 !== expected) {
    throw new BackupRejectedError(
      'checksum',
      `${path}: SHA-256 is ${scan.archiveSha256}, but its sidecar says ${expected}; the file was altered or damaged`,
    );
  }
  if (!manifestText)
    throw new BackupRejectedError('manifest', `${path}: ${MANIFEST_NAME} is missing or too large`);
  let manifest: BackupManifest;
  try {
    manifest = parseManifest((manifestText as Buffer).toString('utf8'));
  } catch (error) {
    if (error instanceof ManifestError)
      throw new BackupRejectedError('manifest', `${path}: ${error.message}`);
    throw error;
  }
  const archived = new Map<string, { type: string; size: number; sha256: string }>();
  for (const { entry, sha256 } of scan.entries) {
    if (entry.name === MANIFEST_NAME) continue;
    archived.set(entry.name, { type: entry.type, size: entry.size, sha256 });
  }
  const comparison = compareWithManifest(manifest, archived, { hashes: options.entryHashes !== false });
  if (!comparison.ok)
    throw new BackupRejectedError(
      'manifest',
      `${path} does not match its manifest:\n  - ${comparison.problems.join('\n  - ')}`,
    );
  return {
    path,
    sizeBytes: directory.fileSize,
    archiveSha256: scan.archiveSha256,
    manifest,
    sidecar,
    directory,
  };
}
