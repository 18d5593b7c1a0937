import { existsSync } from 'node:fs';
import { EmbeddedDatabase } from '../../src/adapters/embedded-db/embedded-db.js';

/** The logical content of an embedded database: schema, then every row of every table. */
export async function dumpDatabase(path: string): Promise<string> {
  if (!existsSync(path)) return '(no database file)';
  const db = await EmbeddedDatabase.open(path, { create: false });
  try {
    return db.read((sql) => {
      const lines: string[] = [];
      const tables =
        sql.exec("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")[0]
          ?.values ?? [];
      for (const [name, ddl] of tables) {
        lines.push(`${String(name)}: ${String(ddl)}`);
        if (!String(ddl).toUpperCase().startsWith('CREATE TABLE')) continue;
        for (const row of sql.exec(`SELECT * FROM "${String(name)}" ORDER BY 1`)[0]?.values ?? [])
          lines.push(`  ${JSON.stringify(row)}`);
      }
      return lines.join('\n');
    });
  } finally {
    db.close();
  }
}

export async function schemaVersions(path: string): Promise<number[]> {
  if (!existsSync(path)) return [];
  const db = await EmbeddedDatabase.open(path, { create: false });
  try {
    return db.read((sql) =>
      (sql.exec('SELECT version FROM schema_migrations ORDER BY version')[0]?.values ?? []).map((r) =>
        Number(r[0]),
      ),
    );
  } finally {
    db.close();
  }
}
