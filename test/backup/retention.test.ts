import { chooseRetention } from '../../src/domain/backup/retention.js';
import { parseBackupFileName, parseSidecar, sidecarLine } from '../../src/domain/backup/naming.js';

const H = 3_600_000;
const now = Date.UTC(2026, 2, 10);

describe('retention choice', () => {
  const c = (name: string, ageH: number, verified = true, inUse = false) => ({
    name,
    createdMs: now - ageH * H,
    verified,
    inUse,
  });

  it('keeps the newest keep_last and deletes older ones past the retention age', () => {
    const d = chooseRetention([c('a', 1), c('b', 2), c('c', 30), c('d', 40), c('e', 5)], 2, 24, now);
    expect(d.keep.map((k) => k.name)).toEqual(['a', 'b', 'e']);
    expect(d.remove.map((r) => r.name)).toEqual(['c', 'd']);
  });

  it('never deletes the newest verified backup, even when old', () => {
    const d = chooseRetention(
      [c('new-unverified', 1, false), c('old-verified', 100), c('older', 200)],
      1,
      24,
      now,
    );
    expect(d.keep.map((k) => k.name)).toEqual(['new-unverified', 'old-verified']);
    expect(d.remove.map((r) => r.name)).toEqual(['older']);
  });

  it('never deletes a backup a rollback is using', () => {
    const d = chooseRetention([c('a', 1), c('used', 100, true, true), c('old', 100)], 1, 24, now);
    expect(d.keep.find((k) => k.name === 'used')?.reason).toBe('in use by a rollback');
    expect(d.remove.map((r) => r.name)).toEqual(['old']);
  });
});

describe('names and sidecars', () => {
  it('parses backup names, including same-second suffixes', () => {
    expect(parseBackupFileName('dhash_production_20260301_120000.zip')).toEqual({
      environment: 'production',
      stamp: '20260301_120000',
      createdMs: Date.UTC(2026, 2, 1, 12),
    });
    expect(parseBackupFileName('dhash_production_20260301_120000_2.zip')?.stamp).toBe('20260301_120000_2');
    expect(parseBackupFileName('dhash_production_2026.zip')).toBeNull();
  });
  it('writes and reads sha256sum format', () => {
    const line = sidecarLine('a'.repeat(64), 'backups/dhash_production_20260301_120000.zip');
    expect(line).toBe(`${'a'.repeat(64)}  backups/dhash_production_20260301_120000.zip\n`);
    expect(parseSidecar(line)).toEqual({
      sha256: 'a'.repeat(64),
      path: 'backups/dhash_production_20260301_120000.zip',
    });
    expect(parseSidecar('nonsense')).toBeNull();
  });
});
