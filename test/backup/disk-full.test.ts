import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackup } from '../../src/commands/backup.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { JsonLinesLogger, MemorySink } from '../../src/runtime/logger.js';
import { load, makeTarget, writeConfig } from './fixture.js';
import { backupStorage } from '../../src/wiring/backup-archives.js';

const storage = backupStorage();

/** A 2 MiB tmpfs as the backup directory, and 6 MiB of incompressible data to back up. */
function tryMount(dir: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
  }
}

describe('disk full while backing up', () => {
  it('leaves no partial zip and no sidecar, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diskfull-'));
    const small = join(dir, 'backups');
    mkdirSync(small);
    const problem = tryMount(small);
    if (problem) {
      console.warn(`SKIPPED disk-full test: cannot mount a tmpfs here (${problem})`);
      rmSync(dir, { recursive: true, force: true });
      return;
    }
    try {
      const root = join(dir, 'srv');
      await makeTarget(root);
      for (let i = 0; i < 6; i++)
        writeFileSync(join(root, 'shared', 'config', `blob-${i}.png`), randomBytes(1024 * 1024));
      writeConfig(dir, root);
      const clock = new VirtualClock(Date.UTC(2026, 2, 1, 12, 0, 0));
      const logger = new JsonLinesLogger(clock, [new MemorySink()]);
      await expect(createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger })).rejects.toThrow(
        /disk full while writing the backup .*no backup was written/,
      );
      expect(readdirSync(small)).toEqual([]);
      // With room again, the same backup succeeds.
      for (let i = 0; i < 6; i++) rmSync(join(root, 'shared', 'config', `blob-${i}.png`));
      const ok = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
      expect(readdirSync(small).sort()).toEqual([
        `${ok.path.split('/').pop()}`,
        `${ok.path.split('/').pop()}.sha256`,
      ]);
    } finally {
      execFileSync('umount', [small]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
