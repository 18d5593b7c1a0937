import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase } from '../../src/adapters/embedded-db/embedded-db.js';
import { acquireEnvironmentLock, environmentLockPath } from '../../src/runtime/env-lock.js';
import { RefusedError } from '../../src/runtime/errors.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { tryLock } from '../../src/runtime/file-lock.js';

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'dhash-lock-'));
}

describe('environment lock', () => {
  test('a second attempt is refused at once, naming the holder and since when', () => {
    const dir = tmp();
    const release = acquireEnvironmentLock(dir, 'production', 'deploy', new Date('2026-11-27T10:00:00Z'));
    let refusal: unknown;
    try {
      acquireEnvironmentLock(dir, 'production', 'rollback');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(RefusedError);
    expect((refusal as RefusedError).exitCode).toBe(4);
    expect((refusal as Error).message).toContain(`pid ${process.pid}`);
    expect((refusal as Error).message).toContain('(deploy) since 2026-11-27T10:00:00.000Z');
    // Another environment is independent.
    acquireEnvironmentLock(dir, 'staging', 'deploy')();
    release();
    expect(existsSync(environmentLockPath(dir, 'production'))).toBe(false);
    acquireEnvironmentLock(dir, 'production', 'rollback')();
  });

  test('a lock left by a dead process is recovered', async () => {
    const dir = tmp();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 100000)']);
    const deadPid = child.pid!;
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    writeFileSync(
      environmentLockPath(dir, 'production'),
      JSON.stringify({
        pid: deadPid,
        host: (await import('node:os')).hostname(),
        since: '2026-01-01T00:00:00Z',
        purpose: 'deploy',
      }),
    );
    const release = acquireEnvironmentLock(dir, 'production', 'deploy');
    release();
  });
});

describe('EmbeddedDatabase', () => {
  test('writes are published atomically and seen by another handle', async () => {
    const path = join(tmp(), 'data', 'dhash.sqlite');
    const a = await EmbeddedDatabase.open(path);
    const b = await EmbeddedDatabase.open(path);
    await a.write((db) => db.run('CREATE TABLE t (v INTEGER)'));
    await a.write((db) => db.run('INSERT INTO t VALUES (1), (2)'));
    expect(b.read((db) => db.exec('SELECT sum(v) FROM t')[0].values[0][0])).toBe(3);
    await b.write((db) => db.run('INSERT INTO t VALUES (10)'));
    expect(a.read((db) => db.exec('SELECT sum(v) FROM t')[0].values[0][0])).toBe(13);
    a.close();
    b.close();
  });

  test('a failing write publishes nothing, and a dry-run write is rolled back', async () => {
    const path = join(tmp(), 'dhash.sqlite');
    const db = await EmbeddedDatabase.open(path);
    await db.write((d) => d.run('CREATE TABLE t (v INTEGER NOT NULL)'));
    await expect(
      db.write((d) => {
        d.run('INSERT INTO t VALUES (1)');
        d.run('INSERT INTO t VALUES (NULL)');
      }),
    ).rejects.toThrow(/NOT NULL/);
    const applied = await db.write(
      (d) => {
        d.run('ALTER TABLE t ADD COLUMN w TEXT');
        return d.exec("SELECT count(*) FROM pragma_table_info('t')")[0].values[0][0];
      },
      { dryRun: true },
    );
    expect(applied).toBe(2);
    const fresh = await EmbeddedDatabase.open(path);
    expect(fresh.read((d) => d.exec('SELECT count(*) FROM t')[0].values[0][0])).toBe(0);
    expect(fresh.read((d) => d.exec("SELECT count(*) FROM pragma_table_info('t')")[0].values[0][0])).toBe(1);
  });

  test('a write waiting for another holder waits on the injected clock and names the holder', async () => {
    const path = join(tmp(), 'dhash.sqlite');
    const holder = tryLock(`${path}.lock`, 'database write');
    expect(holder.acquired).toBe(true);
    const clock = new VirtualClock(Date.parse('2026-11-28T00:00:00Z'));
    const db = await EmbeddedDatabase.open(path, { lockTimeoutMs: 60_000, clock });
    // A minute of waiting passes in virtual time: the wait goes through the clock, not setTimeout.
    await expect(db.write((d) => d.run('CREATE TABLE t (v INTEGER)'))).rejects.toThrow(
      new RegExp(`database .*dhash.sqlite is locked by .*pid ${process.pid}`),
    );
    expect(clock.now() - Date.parse('2026-11-28T00:00:00Z')).toBeGreaterThanOrEqual(60_000);
    if (holder.acquired) holder.release();
    db.close();
  });
});
