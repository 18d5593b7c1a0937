import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createBackup } from '../../src/commands/backup.js';
import { CRASH_POINTS } from '../../src/commands/restore/journal.js';
import { restoreBackup } from '../../src/commands/restore/restore.js';
import { exitCodeOf } from '../../src/runtime/errors.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { JsonLinesLogger, MemorySink } from '../../src/runtime/logger.js';
import { load, makeTarget, writeConfig } from './fixture.js';
import { backupStorage } from '../../src/wiring/backup-archives.js';

const storage = backupStorage();

/**
 * kill -9 at every stage of a restore: a real child process runs the restore and SIGKILLs itself
 * at the injected point. Afterwards the live tree must be wholly old (crash before the commit) or,
 * once the rollback is run again, wholly new — and running it again must always complete it.
 */
const repo = process.cwd();
const childOut = join(repo, '.build', 'backup-crash-child');

/** Everything a user of the target sees: what current resolves to, and the content of every live path. */
function liveState(root: string): Record<string, string> {
  const state: Record<string, string> = { current: readlinkSync(join(root, 'current')) };
  const walk = (abs: string): void => {
    for (const name of readdirSync(abs).sort()) {
      // Staging a killed restore left beside the live paths (hidden; removed by the next run).
      if (name.startsWith('.dhash-restore-')) continue;
      const p = join(abs, name);
      const st = lstatSync(p);
      const rel = relative(root, p);
      if (st.isDirectory()) walk(p);
      else state[rel] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(join(root, 'current'));
  walk(join(root, 'shared'));
  return state;
}

describe('kill -9 during a restore', () => {
  const clock = new VirtualClock(Date.UTC(2026, 2, 1, 12, 0, 0));
  const logger = new JsonLinesLogger(clock, [new MemorySink()]);

  beforeAll(() => {
    rmSync(childOut, { recursive: true, force: true });
    execFileSync(process.execPath, [
      join(repo, 'node_modules', 'typescript', 'bin', 'tsc'),
      '--outDir',
      childOut,
      '--rootDir',
      repo,
      '--module',
      'NodeNext',
      '--moduleResolution',
      'NodeNext',
      '--target',
      'ES2022',
      '--strict',
      '--skipLibCheck',
      '--esModuleInterop',
      '--resolveJsonModule',
      '--types',
      'node',
      join(repo, 'test', 'backup', 'restore-child.ts'),
      join(repo, 'src', 'types', 'sql-wasm-inline.d.ts'),
    ]);
    writeFileSync(join(childOut, 'package.json'), '{"type":"module"}\n');
  }, 180_000);
  afterAll(() => {
    rmSync(childOut, { recursive: true, force: true });
  });

  it.each(CRASH_POINTS)('at "%s": wholly old or committed, and a second run completes it', async (point) => {
    const dir = mkdtempSync(join(tmpdir(), 'crash-'));
    try {
      const root = join(dir, 'srv');
      await makeTarget(root);
      writeConfig(dir, root);
      const backup = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
      const wanted = liveState(root);
      // Move on: new release live, config and database changed, a file added.
      await makeTarget(join(dir, 'next'), 'v2.0.0');
      execFileSync('cp', ['-r', join(dir, 'next', 'releases', 'v2.0.0'), join(root, 'releases', 'v2.0.0')]);
      rmSync(join(root, 'current'));
      execFileSync('ln', ['-s', 'releases/v2.0.0', join(root, 'current')]);
      writeFileSync(join(root, 'shared', 'config', 'service.json'), '{"threshold": 99}');
      writeFileSync(join(root, 'shared', 'config', 'added.json'), '{}');
      execFileSync('cp', [
        join(dir, 'next', 'shared', 'data', 'dhash.sqlite'),
        join(root, 'shared', 'data', 'dhash.sqlite'),
      ]);
      const old = liveState(root);

      const child = spawnSync(
        process.execPath,
        [join(childOut, 'test', 'backup', 'restore-child.js'), backup.path, root],
        {
          env: { ...process.env, DHASH_ROLLOUT_CRASH_AT: point },
          encoding: 'utf8',
        },
      );
      expect(child.signal).toBe('SIGKILL');
      const journals = existsSync(join(root, '.dhash-restore'))
        ? readdirSync(join(root, '.dhash-restore'))
        : [];
      const committed = journals.some((tx) => {
        try {
          return ['committed', 'applied'].includes(
            JSON.parse(readFileSync(join(root, '.dhash-restore', tx, 'journal.json'), 'utf8')).state,
          );
        } catch {
          return false;
        }
      });
      const after = liveState(root);
      if (['extracting', 'staged'].includes(point)) {
        expect(committed).toBe(false);
        expect(after).toEqual(old); // wholly old
      } else {
        expect(committed).toBe(true); // the journal holds the decision: recovery rolls forward
      }
      if (!committed) {
        // The next run of the environment (here a backup) removes what the killed one staged.
        const b = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
        expect(b.manifest.files.some((f) => f.path.includes('.dhash-restore'))).toBe(false);
        for (const d of [join(root, 'shared'), join(root, 'shared', 'data'), join(root, 'releases')])
          expect(readdirSync(d).filter((n) => n.startsWith('.dhash-restore-'))).toEqual([]);
      }
      if (committed && point !== 'applied') {
        // A half-restored tree is never backed up: the backup refuses (exit 4) and says what to do.
        const refused = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger }).catch(
          (e: unknown) => e,
        );
        expect(exitCodeOf(refused)).toBe(4);
        expect((refused as Error).message).toMatch(/half restored; run the rollback again/);
      }
      // Running it again completes it, whatever the crash left.
      const second = await restoreBackup({
        storage,
        archivePath: backup.path,
        root,
        environment: 'production',
        clock,
        logger,
      });
      if (committed) expect(second.recovered.join(' ')).toMatch(/completed/);
      expect(liveState(root)).toEqual(wanted);
      expect(existsSync(join(root, '.dhash-restore'))).toBe(false);
      // No staging left anywhere beside the live paths.
      for (const d of [join(root, 'shared'), join(root, 'shared', 'data'), join(root, 'releases')])
        expect(readdirSync(d).filter((n) => n.startsWith('.dhash-restore-'))).toEqual([]);
      expect(existsSync(join(root, 'shared', 'config', 'added.json'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
