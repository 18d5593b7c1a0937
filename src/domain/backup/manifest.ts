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

/**
 * The manifest as it is stored: the header indented, then one file record per line. A record per
 * line is what a person greps for, and smaller than JSON.stringify(m, null, 1) (the bench's
 * 40,719-file tree: 9.5 → 8.3 MB), which a backup serialises, deflates and proves, and a restore
 * parses. The records are serialised in one call (twice as fast as one call per record)
 * and cut into lines where one record ends and the next begins: `},{"path":` can occur nowhere
 * else, since a quote inside a JSON string is escaped (a record whose first key is not `path`
 * would only share a line).
 */
export function manifestText(m: BackupManifest): string {
  const { files, totals, ...head } = m;
  const headText = JSON.stringify(head, null, 1);
  const records =
    files.length === 0 ? '' : JSON.stringify(files).slice(1, -1).replaceAll('},{"path":', '},\n  {"path":');
  return `${headText.slice(0, -2)},\n "files": [${records ? `\n  ${records}\n ` : ''}],\n "totals": ${JSON.stringify(totals)}\n}\n`;
}

/** A release id as deploy names them: a plain directory name under releases/. */
export const RELEASE_ID = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/;

/**
 * Why `path` is not a normalized relative path ("/"-separated, no empty, "." or ".." segment,
 * no NUL, not absolute), or null when it is one. Manifest paths are treated like user input.
 */
export function relativePathProblem(path: unknown): string | null {
  if (typeof path !== 'string' || path.length === 0) return 'is not a non-empty string';
  if (path.includes('\0')) return 'holds a NUL byte';
  if (path.startsWith('/')) return 'is absolute';
  if (path.split('/').some((s) => s === '' || s === '.' || s === '..'))
    return 'is not a normalized relative path (empty, "." or ".." segment)';
  return null;
}

/** A value from the manifest, quoted and cut short for a message. */
function shown(value: unknown, max: number): string {
  return (value === undefined ? 'undefined' : JSON.stringify(value)).slice(0, max);
}

function isWithin(path: string, top: string): boolean {
  return path === top || path.startsWith(`${top}/`);
}

const recordsByManifest = new WeakMap<BackupManifest, Map<string, ManifestFile>>();

/**
 * The manifest's records by path, built once per manifest (parseManifest hands over the one its
 * checks built): a restore's plan and link checks share it instead of building their own.
 */
export function recordsOf(manifest: BackupManifest): Map<string, ManifestFile> {
  let records = recordsByManifest.get(manifest);
  if (!records) {
    records = new Map();
    for (const f of manifest.files) records.set(f.path, f);
    recordsByManifest.set(manifest, records);
  }
  return records;
}

/** Parses and checks a manifest as untrusted input; every problem names what is wrong. */
export function parseManifest(text: string): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`manifest.json is not valid JSON: ${(error as Error).message}`);
  }
  return manifestFromJson(value);
}

/** checkManifest on a value parsed from untrusted JSON (parseManifest, or a parse done elsewhere). */
export function manifestFromJson(value: unknown): BackupManifest {
  const manifest = checkManifest(value);
  // The shared literals instead of the parser's own copy of the word, one per record.
  for (const f of manifest.files) f.type = f.type === 'file' ? 'file' : f.type === 'dir' ? 'dir' : 'symlink';
  return manifest;
}

/**
 * The checks of parseManifest on a value already in memory (what JSON.parse gives, or a manifest
 * a backup has just built from plain strings, numbers and lists: checking it in place spares a
 * second copy of a manifest of tens of thousands of files).
 */
export function checkManifest(value: unknown): BackupManifest {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new ManifestError('manifest.json is not an object');
  const m = value as Partial<BackupManifest>;
  if (m.format !== MANIFEST_FORMAT)
    throw new ManifestError(
      `manifest.json has format ${JSON.stringify(m.format)}, expected "${MANIFEST_FORMAT}"`,
    );
  if (m.kind !== 'backup' && m.kind !== 'pre-rollback')
    throw new ManifestError('manifest.json: "kind" must be "backup" or "pre-rollback"');
  if (typeof m.environment !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(m.environment))
    throw new ManifestError('manifest.json: "environment" is missing or not an environment name');
  if (typeof m.created_at !== 'string' || Number.isNaN(Date.parse(m.created_at)))
    throw new ManifestError('manifest.json: "created_at" is not a timestamp');
  if (m.release !== null && (typeof m.release !== 'string' || !RELEASE_ID.test(m.release)))
    throw new ManifestError(
      `manifest.json: "release" ${shown(m.release, 100)} is not a plain release id (letters, digits, ".", "_", "+", "-"; not starting with ".")`,
    );
  if (!Array.isArray(m.paths)) throw new ManifestError('manifest.json: "paths" is not a list');
  for (const p of m.paths) {
    const problem = relativePathProblem(p);
    if (problem) throw new ManifestError(`manifest.json: path ${shown(p, 200)} ${problem}`);
  }
  for (const p of m.paths)
    for (const q of m.paths)
      if (p !== q && isWithin(p, q))
        throw new ManifestError(`manifest.json: path "${p}" lies inside path "${q}"`);
  if (new Set(m.paths).size !== m.paths.length)
    throw new ManifestError('manifest.json: "paths" repeats a path');
  const db = m.database;
  if (db !== null) {
    if (!db || typeof db !== 'object') throw new ManifestError('manifest.json: "database" is malformed');
    const problem = relativePathProblem(db.path);
    if (problem)
      throw new ManifestError(`manifest.json: database path ${JSON.stringify(db.path)} ${problem}`);
    if (
      typeof db.sha256 !== 'string' ||
      !/^[0-9a-f]{64}$/.test(db.sha256) ||
      !Number.isSafeInteger(db.size) ||
      db.size < 0
    )
      throw new ManifestError('manifest.json: "database" has no valid size and sha256');
    if (m.paths.some((p) => isWithin(p, db.path) && p !== db.path))
      throw new ManifestError(`manifest.json: a path lies inside the database file "${db.path}"`);
  }
  if (!Array.isArray(m.files)) throw new ManifestError('manifest.json: "files" is not a list');
  const byPath = new Map<string, ManifestFile>();
  for (const raw of m.files as unknown[]) {
    const f = raw as ManifestFile;
    if (!raw || typeof raw !== 'object' || !['file', 'dir', 'symlink'].includes(f.type))
      throw new ManifestError(`manifest.json: a file record is malformed: ${shown(raw, 200)}`);
    const problem = relativePathProblem(f.path);
    if (problem) throw new ManifestError(`manifest.json: file ${shown(f.path, 200)} ${problem}`);
    if (!m.paths.some((p) => isWithin(f.path, p)) && f.path !== db?.path)
      throw new ManifestError(`manifest.json: file "${f.path}" is not under any archived path`);
    if (byPath.has(f.path)) throw new ManifestError(`manifest.json: file "${f.path}" is listed twice`);
    if (!Number.isInteger(f.mode) || f.mode < 0 || f.mode > 0o7777)
      throw new ManifestError(`manifest.json: file "${f.path}" has no valid mode`);
    if (!Number.isSafeInteger(f.size) || f.size < 0)
      throw new ManifestError(`manifest.json: file "${f.path}" has no valid size`);
    if (f.type !== 'dir' && !/^[0-9a-f]{64}$/.test(f.sha256 ?? ''))
      throw new ManifestError(`manifest.json: "${f.path}" has no valid sha256`);
    if (f.type === 'symlink' && (typeof f.target !== 'string' || f.target.length === 0))
      throw new ManifestError(`manifest.json: link "${f.path}" has no target`);
    byPath.set(f.path, f);
  }
  // Nothing may sit below a link: it would be written through the link. Walking up from each
  // record, the nearest listed folder ends the walk: its own walk covers what lies above it.
  for (const f of m.files) {
    for (let cut = f.path.lastIndexOf('/'); cut > 0; cut = f.path.lastIndexOf('/', cut - 1)) {
      const above = byPath.get(f.path.slice(0, cut));
      if (!above) continue;
      if (above.type !== 'dir')
        throw new ManifestError(
          `manifest.json: "${f.path}" lies below "${above.path}", which is a ${above.type}`,
        );
      break;
    }
  }
  recordsByManifest.set(m as BackupManifest, byPath);
  return m as BackupManifest;
}

/**
 * What an environment allows a backup of it to restore: its own name, its configured paths, its
 * database file. A manifest naming anything else is refused before anything changes.
 */
export interface EnvironmentScope {
  environment: string;
  paths: string[];
  databasePath: string | null;
}

export function manifestScopeProblems(manifest: BackupManifest, scope: EnvironmentScope): string[] {
  const problems: string[] = [];
  if (manifest.environment !== scope.environment)
    problems.push(`it is a backup of "${manifest.environment}", not of "${scope.environment}"`);
  for (const p of manifest.paths)
    if (!scope.paths.includes(p))
      problems.push(
        `its path "${p}" is not one of the environment's backup.paths (${scope.paths.join(', ')})`,
      );
  if (manifest.database && manifest.database.path !== scope.databasePath)
    problems.push(
      `its database "${manifest.database.path}" is not the environment's backup.database_path (${scope.databasePath ?? 'none'})`,
    );
  return problems;
}

/** Zip entry name of a manifest record (directories end with "/"). */
export function entryNameOf(file: ManifestFile): string {
  return file.type === 'dir' ? `${file.path}/` : file.path;
}

export interface ManifestComparison {
  ok: boolean;
  problems: string[];
}

/** One archived entry as the comparison sees it: the entry's type, size and mode, and its content's hash. */
export interface ArchivedEntry {
  entry: { type: string; size: number; mode: number | null };
  sha256: string;
}

/**
 * Compares what an archive holds (name → type, size, mode, sha256) with what its manifest
 * promises: every promised entry present with the same bytes, and nothing extra.
 */
export function compareWithManifest(
  manifest: BackupManifest,
  archived: ReadonlyMap<string, ArchivedEntry>,
  options: { hashes?: boolean } = {},
): ManifestComparison {
  const hashes = options.hashes !== false;
  const problems: string[] = [];
  let found = archived.has(MANIFEST_NAME) ? 1 : 0;
  for (const file of manifest.files) {
    const name = entryNameOf(file);
    const scanned = archived.get(name);
    if (!scanned) {
      problems.push(`"${file.path}" is in the manifest but not in the archive`);
      continue;
    }
    found++;
    const got = scanned.entry;
    if (got.type !== file.type)
      problems.push(`"${file.path}" is a ${got.type} in the archive, a ${file.type} in the manifest`);
    else if (got.mode !== null && (got.mode & 0o7777) !== file.mode)
      problems.push(
        `"${file.path}" has mode ${(got.mode & 0o7777).toString(8)} in the archive, ${file.mode.toString(8)} in the manifest`,
      );
    else if (file.type !== 'dir' && (got.size !== file.size || (hashes && scanned.sha256 !== file.sha256))) {
      problems.push(
        `"${file.path}" does not match its manifest hash (${got.size} bytes, sha256 ${scanned.sha256.slice(0, 12)}…; expected ${file.size} bytes, ${file.sha256?.slice(0, 12)}…)`,
      );
    }
  }
  // Names are unique on both sides, so extra entries exist exactly when fewer were found than the
  // archive holds; only then is the set of promised names built (40,000 strings otherwise kept).
  if (found < archived.size) {
    const promised = new Set<string>([MANIFEST_NAME, ...manifest.files.map(entryNameOf)]);
    for (const name of archived.keys())
      if (!promised.has(name)) problems.push(`"${name}" is in the archive but not in the manifest`);
  }
  const database = manifest.database;
  if (database) {
    const db = manifest.files.find((f) => f.path === database.path);
    if (!db || db.sha256 !== database.sha256)
      problems.push(`the database snapshot "${database.path}" is not among the manifest's files`);
  }
  return {
    ok: problems.length === 0,
    problems: problems.slice(0, 20).concat(problems.length > 20 ? [`…and ${problems.length - 20} more`] : []),
  };
}
