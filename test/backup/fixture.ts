import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type LoadedConfig } from '../../src/config/load.js';
import { EmbeddedDatabase } from '../../src/adapters/embedded-db/embedded-db.js';

/** A real `local` target layout: releases/<id>, current → releases/<id>, shared/config, shared/data/dhash.sqlite. */
export async function makeTarget(root: string, release = 'v1.0.0'): Promise<void> {
  const rel = join(root, 'releases', release);
  mkdirSync(join(rel, 'lib'), { recursive: true });
  writeFileSync(join(rel, 'release.json'), JSON.stringify({ version: release }));
  writeFileSync(join(rel, 'server.js'), `// ${release}\nconsole.log('dhash ${release}');\n`);
  writeFileSync(join(rel, 'lib', 'hash.js'), 'export const x = 1;\n'.repeat(200));
  writeFileSync(join(rel, 'lib', 'run.sh'), '#!/bin/sh\necho hi\n', { mode: 0o755 });
  symlinkSync(join('releases', release), join(root, 'current'));
  mkdirSync(join(root, 'shared', 'config'), { recursive: true });
  writeFileSync(join(root, 'shared', 'config', 'service.json'), JSON.stringify({ threshold: 10, release }));
  mkdirSync(join(root, 'shared', 'data'), { recursive: true });
  const db = await EmbeddedDatabase.open(join(root, 'shared', 'data', 'dhash.sqlite'));
  await db.write((d) => {
    d.exec('CREATE TABLE IF NOT EXISTS images (id INTEGER PRIMARY KEY, hash TEXT)');
    d.exec(`INSERT INTO images (hash) VALUES ('${release}-a'), ('${release}-b')`);
  });
  db.close();
}

export function writeConfig(
  dir: string,
  root: string,
  overrides: { keepLast?: number; retentionHours?: number } = {},
): string {
  const base = JSON.parse(readFileSync(join(process.cwd(), 'quality-gates-config.json'), 'utf8')) as {
    environments: Record<string, Record<string, unknown>>;
  };
  for (const env of Object.values(base.environments)) {
    env.target = { type: 'local', root, start_command: 'node server.js' };
    env.backup = {
      // Where the tests look for them (the default would be <root>/backups).
      dir: join(dir, 'backups'),
      paths: ['current', 'shared/config'],
      database_path: 'shared/data/dhash.sqlite',
      keep_last: overrides.keepLast ?? 5,
    };
    (env.auto_rollback as Record<string, unknown>).backup_retention_hours = overrides.retentionHours ?? 24;
  }
  const path = join(dir, 'quality-gates-config.json');
  writeFileSync(path, JSON.stringify(base, null, 2));
  return path;
}

export function load(dir: string, envName = 'production'): LoadedConfig {
  return loadConfig({
    configPath: join(dir, 'quality-gates-config.json'),
    envName,
    cwd: dir,
    environment: {},
  });
}

export async function dbRows(root: string): Promise<string[]> {
  const db = await EmbeddedDatabase.open(join(root, 'shared', 'data', 'dhash.sqlite'), { create: false });
  try {
    return db.read((d) =>
      (d.exec('SELECT hash FROM images ORDER BY id')[0]?.values ?? []).map((r) => String(r[0])),
    );
  } finally {
    db.close();
  }
}
