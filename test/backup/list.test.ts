import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackup } from '../../src/commands/backup.js';
import { backupListCommand } from '../../src/commands/backup-list.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { JsonLinesLogger, MemorySink } from '../../src/runtime/logger.js';
import { backupArchiveReader } from '../../src/wiring/backup-archives.js';
import { load, makeTarget, writeConfig } from './fixture.js';
import { backupStorage } from '../../src/wiring/backup-archives.js';

const storage = backupStorage();

describe('backup list through the archive reader port', () => {
  const clock = new VirtualClock(Date.UTC(2026, 2, 1, 12, 0, 0));
  const logger = new JsonLinesLogger(clock, [new MemorySink()]);

  it('reads each backup release from its manifest, and reports a damaged one as FAILED', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bk-list-'));
    await makeTarget(join(dir, 'srv'), 'v1.4.2');
    writeConfig(dir, join(dir, 'srv'));
    const made = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
    // Not a zip at all: listing must say so instead of throwing.
    writeFileSync(join(dir, 'backups', 'dhash_production_20260301_110000.zip'), 'not a zip');

    const rows = await backupListCommand({ config: load(dir), cwd: dir }, clock.now(), backupArchiveReader());
    expect(rows.map((r) => [r.name, r.release, r.state])).toEqual([
      ['dhash_production_20260301_120000.zip', 'v1.4.2', 'sidecar'],
      ['dhash_production_20260301_110000.zip', null, expect.stringMatching(/^FAILED: /)],
    ]);
    expect(rows[0].path).toBe(made.path);

    const verified = await backupListCommand(
      { config: load(dir), cwd: dir, verify: true },
      clock.now(),
      backupArchiveReader(),
    );
    expect(verified[0]).toMatchObject({ release: 'v1.4.2', state: 'verified' });
  });
});
