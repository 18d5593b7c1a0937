import { createHash } from 'node:crypto';
import { EmbeddedDatabase } from '../adapters/embedded-db/embedded-db.js';

/**
 * The shape of an embedded database, independent of how SQLite happens to spell its CREATE
 * statements after ALTERs: every table's columns (name, type, not-null, key) and every index's
 * name and columns, without the tracking table. Two databases with the same digest have the same schema.
 */
export async function embeddedSchemaDigest(path: string): Promise<{ digest: string; version: number }> {
  const db = await EmbeddedDatabase.open(path, { create: false });
  try {
    return db.read((d) => {
      const names = (d
        .exec(
          "SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' AND type IN ('table','index') ORDER BY type, name",
        )
        .at(0)?.values ?? []) as Array<[string, string]>;
      const shape = names.map(([name, type]) => {
        const quoted = `"${name.replace(/"/g, '""')}"`;
        const info =
          type === 'table'
            ? d
                .exec(`PRAGMA table_info(${quoted})`)
                .at(0)
                ?.values.map((r) => [r[1], r[2], r[3], r[5]])
            : d
                .exec(`PRAGMA index_info(${quoted})`)
                .at(0)
                ?.values.map((r) => r[2]);
        return [type, name, info ?? []];
      });
      let version = 0;
      try {
        version = Number(
          d.exec('SELECT coalesce(max(version), 0) FROM schema_migrations').at(0)?.values.at(0)?.[0] ?? 0,
        );
      } catch {
        version = 0;
      }
      return {
        digest: createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 16),
        version,
      };
    });
  } finally {
    db.close();
  }
}
