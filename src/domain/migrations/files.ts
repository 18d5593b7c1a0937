/**
 * Migration files: `NNN_name.up.sql` applies a change, `NNN_name.down.sql` undoes it. The number
 * is the version (leading zeros are decoration: 001 and 1 are the same version); the name is
 * what the tracking table records.
 */
export interface MigrationFile {
  fileName: string;
  /** The file's bytes as text. */
  sql: string;
  /** Lowercase hex sha256 of the file's bytes (computed by whoever read them). */
  checksum: string;
}

export interface Migration {
  version: number;
  name: string;
  up: MigrationFile;
  down?: MigrationFile;
}

const PATTERN = /^(\d+)_([A-Za-z0-9][A-Za-z0-9_.-]*?)\.(up|down)\.sql$/;

export function parseMigrationFileName(
  fileName: string,
): { version: number; name: string; direction: 'up' | 'down' } | null {
  const m = PATTERN.exec(fileName);
  if (!m) return null;
  const version = Number(m[1]);
  if (!Number.isSafeInteger(version) || version <= 0) return null;
  return { version, name: m[2], direction: m[3] as 'up' | 'down' };
}

/** Pairs up and down files by version; returns the migrations in version order and every problem. */
export function collectMigrations(files: MigrationFile[]): { migrations: Migration[]; problems: string[] } {
  const problems: string[] = [];
  const byVersion = new Map<number, { name: string; up?: MigrationFile; down?: MigrationFile }>();
  for (const file of files) {
    if (!/\.sql$/i.test(file.fileName)) continue;
    const parsed = parseMigrationFileName(file.fileName);
    if (!parsed) {
      const lower = file.fileName.replace(/\.(up|down)\.sql$/i, (m) => m.toLowerCase());
      problems.push(
        lower !== file.fileName && parseMigrationFileName(lower)
          ? `${file.fileName}: the extension must be lowercase; rename it to ${lower}`
          : `${file.fileName}: expected a name like 001_create_images.up.sql or 001_create_images.down.sql (digits, an underscore, a name, .up.sql or .down.sql; version ≥ 1); rename it`,
      );
      continue;
    }
    const entry = byVersion.get(parsed.version) ?? { name: parsed.name };
    if (entry.name !== parsed.name) {
      problems.push(`${file.fileName}: version ${parsed.version} is already used by "${entry.name}"`);
      continue;
    }
    const already = entry[parsed.direction];
    if (already) {
      problems.push(
        `${file.fileName}: duplicate ${parsed.direction} file for version ${parsed.version} (${already.fileName})`,
      );
      continue;
    }
    entry[parsed.direction] = file;
    byVersion.set(parsed.version, entry);
  }
  const migrations: Migration[] = [];
  for (const [version, entry] of [...byVersion.entries()].sort((a, b) => a[0] - b[0])) {
    if (!entry.up) {
      // An entry is only stored with a file, so without its up file it has its down file.
      if (entry.down) problems.push(`${entry.down.fileName}: a down file without its up file`);
      continue;
    }
    migrations.push({ version, name: entry.name, up: entry.up, ...(entry.down ? { down: entry.down } : {}) });
  }
  return { migrations, problems };
}
