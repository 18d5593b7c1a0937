// Child process for the crash tests: runs one restore, killed by DHASH_ROLLOUT_CRASH_AT=<point>.
import { restoreBackup } from '../../src/commands/restore/restore.js';
import { RealClock } from '../../src/runtime/clock.js';
import { JsonLinesLogger } from '../../src/runtime/logger.js';
import { backupStorage } from '../../src/wiring/backup-archives.js';

const storage = backupStorage();

const [archivePath, root] = process.argv.slice(2) as [string, string];
const clock = new RealClock();
await restoreBackup({
  storage,
  archivePath,
  root,
  environment: 'production',
  clock,
  logger: new JsonLinesLogger(clock, []),
});
process.stdout.write('restored\n');
