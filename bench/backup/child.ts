// Runs one backup or one restore in its own process, so the parent can measure its peak RSS.
//   node child.js backup <cwd>            → prints {"path","sha256","sizeBytes"}
//   node child.js restore <zip> <root>    → restores (with full verification) into <root>
import { createBackup } from '../../src/commands/backup.js';
import { restoreBackup } from '../../src/commands/restore/restore.js';
import { loadConfig } from '../../src/config/load.js';
import { RealClock } from '../../src/runtime/clock.js';
import { JsonLinesLogger } from '../../src/runtime/logger.js';

const clock = new RealClock();
const logger = new JsonLinesLogger(clock, []);
const [mode, a, b] = process.argv.slice(2);
if (mode === 'backup') {
  const config = loadConfig({
    configPath: `${a}/quality-gates-config.json`,
    envName: 'production',
    cwd: a,
    environment: {},
  });
  const r = await createBackup({ config, cwd: a, retention: false }, { clock, logger });
  process.stdout.write(JSON.stringify({ path: r.path, sha256: r.sha256, sizeBytes: r.sizeBytes }));
} else if (mode === 'restore') {
  await restoreBackup({ archivePath: a, root: b, environment: 'production', clock, logger });
} else {
  throw new Error(`unknown mode ${mode}`);
}
