/**
 * `manifest.json`, the last entry of every backup: what was archived, from where, and the size
 * and SHA-256 of every file, so a restore can prove each byte before it replaces anything.
 */
export const MANIFEST_NAME = 'manifest.json';
export const MANIFEST_FORMAT = 'dhash-backup/1';
/** Archive folder that holds the content `current` pointed at. */
export const CURRENT_PATH = 'current';

export interface ManifestFile {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  size: number;
  /** Files and links (of the link target text); absent for directories. */
  sha256?: string;
  mode: number;
  /** Symlinks: where they point. */
  target?: string;
}

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  kind: 'backup' | 'pre-rollback';
  environment: string;
  created_at: string;
  tool_version: string;
  /** The release `current` pointed at, when `current` was archived. */
  release: string | null;
  target_root: string;
  /** The configured paths, as archived (relative to the target root, "/"-separated). */
  paths: string[];
  /** The embedded database snapshot, archived at this path. */
  database: { path: string; size: number; sha256: string } | null;
  files: ManifestFile[];
  totals: { files: number; bytes: number };
}

export class ManifestError extends Error {}

/** Parses and checks a manifest; every problem names what is wrong. */
export function parseManifest(text: string): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`manifest.json is not valid JSON: ${(error as Error).message}`);
  }
  const m = value as Partial<BackupManifest>;
  if (!m || typeof m !== 'object') throw new ManifestError('manifest.json is not an object');
  if (m.format !== MANIFEST_FORMAT)
    throw new ManifestError(
      `manifest.json has format ${JSON.stringify(m.format)}, expected "${MANIFEST_FORMAT}"`,
    );
  if (typeof m.environment !== 'string' || !m.environment)
    throw new ManifestError('manifest.json: "environment" is missing');
  if (typeof m.created_at !== 'string' || Number.isNaN(Date.parse(m.created_at)))
    throw new ManifestError('manifest.json: "created_at" is not a timestamp');
  if (!Array.isArray(m.files)) throw new ManifestError('manifest.json: "files" is not a list');
  if (!Array.isArray(m.paths)) throw new ManifestError('manifest.json: "paths" is not a list');
  for (const f of m.files) {
    if (!f || typeof f.path !== 'string' || !['file', 'dir', 'symlink'].includes(f.type))
      throw new ManifestError(
        `manifest.json: a file record is malformed: ${JSON.stringify(f).slice(0, 200)}`,
      );
    if (f.type !== 'dir' && !/^[0-9a-f]{64}$/.test(f.sha256 ?? ''))
      throw new ManifestError(`manifest.json: "${f.path}" has no valid sha256`);
  }
  return m as BackupManifest;
}

/** Zip entry name of a manifest record (directories end with "/"). */
export function entryNameOf(file: ManifestFile): string {
  return file.type === 'dir' ? `${file.path}/` : file.path;
}

export interface ManifestComparison {
  ok: boolean;
  problems: string[];
}

/**
 * Compares what an archive holds (name → type, size, sha256) with what its manifest promises:
 * every promised entry present with the same bytes, and nothing extra.
 */
export function compareWithManifest(
  manifest: BackupManifest,
  archived: Map<string, { type: string; size: number; sha256: string }>,
  options: { hashes?: boolean } = {},
): ManifestComparison {
  const hashes = options.hashes !== false;
  const problems: string[] = [];
  const promised = new Set<string>([MANIFEST_NAME]);
  for (const file of manifest.files) {
    const name = entryNameOf(file);
    promised.add(name);
    const got = archived.get(name);
    if (!got) {
      problems.push(`"${file.path}" is in the manifest but not in the archive`);
      continue;
    }
    if (got.type !== file.type)
      problems.push(`"${file.path}" is a ${got.type} in the archive, a ${file.type} in the manifest`);
    else if (file.type !== 'dir' && (got.size !== file.size || (hashes && got.sha256 !== file.sha256))) {
      problems.push(
        `"${file.path}" does not match its manifest hash (${got.size} bytes, sha256 ${got.sha256.slice(0, 12)}…; expected ${file.size} bytes, ${file.sha256?.slice(0, 12)}…)`,
      );
    }
  }
  for (const name of archived.keys())
    if (!promised.has(name)) problems.push(`"${name}" is in the archive but not in the manifest`);
  if (manifest.database) {
    const db = manifest.files.find((f) => f.path === manifest.database!.path);
    if (!db || db.sha256 !== manifest.database.sha256)
      problems.push(`the database snapshot "${manifest.database.path}" is not among the manifest's files`);
  }
  return {
    ok: problems.length === 0,
    problems: problems.slice(0, 20).concat(problems.length > 20 ? [`…and ${problems.length - 20} more`] : []),
  };
}
