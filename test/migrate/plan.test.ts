import {
  collectMigrations,
  parseMigrationFileName,
  type MigrationFile,
} from '../../src/domain/migrations/files.js';
import { planMigrations, undoSteps, type AppliedMigration } from '../../src/domain/migrations/plan.js';

const file = (fileName: string, checksum = `sum-${fileName}`): MigrationFile => ({
  fileName,
  sql: `-- ${fileName}`,
  checksum,
});
const set = collectMigrations([
  file('001_a.up.sql'),
  file('001_a.down.sql'),
  file('002_b.up.sql'),
  file('002_b.down.sql'),
  file('003_c.up.sql'),
]).migrations;
const applied = (
  version: number,
  name: string,
  checksum = `sum-${String(version).padStart(3, '0')}_${name}.up.sql`,
): AppliedMigration => ({ version, name, checksum, applied_at: '2026-01-01T00:00:00.000Z' });

describe('migration files', () => {
  test('names parse into version, name and direction; others are refused with the expected form', () => {
    expect(parseMigrationFileName('007_add_index.up.sql')).toEqual({
      version: 7,
      name: 'add_index',
      direction: 'up',
    });
    expect(parseMigrationFileName('12_x.down.sql')).toEqual({ version: 12, name: 'x', direction: 'down' });
    expect(parseMigrationFileName('000_zero.up.sql')).toBeNull();
    expect(parseMigrationFileName('add_index.up.sql')).toBeNull();
    const { problems } = collectMigrations([
      file('1_a.up.sql'),
      file('01_b.up.sql'),
      file('oops.sql'),
      file('004_d.down.sql'),
      file('README.md'),
    ]);
    expect(problems).toEqual([
      '01_b.up.sql: version 1 is already used by "a"',
      'oops.sql: expected a name like 001_create_images.up.sql or 001_create_images.down.sql (digits, an underscore, a name, .up.sql or .down.sql; version ≥ 1); rename it',
      '004_d.down.sql: a down file without its up file',
    ]);
  });
});

describe('planMigrations', () => {
  test('up: the pending set in version order, limited by --to', () => {
    expect(planMigrations(set, [applied(1, 'a')], { direction: 'up' }).steps.map((s) => s.version)).toEqual([
      2, 3,
    ]);
    const plan = planMigrations(set, [applied(1, 'a')], { direction: 'up', to: 2 });
    expect(plan.steps.map((s) => [s.version, s.direction, s.checksum])).toEqual([
      [2, 'up', 'sum-002_b.up.sql'],
    ]);
    expect(plan).toMatchObject({ currentVersion: 1, targetVersion: 2, blockers: [], checksumMismatches: [] });
    expect(planMigrations(set, [], { direction: 'up' }).targetVersion).toBe(3);
  });

  test('an applied file edited since is reported, in both directions', () => {
    const plan = planMigrations(set, [applied(1, 'a', 'old-sum')], { direction: 'up' });
    expect(plan.checksumMismatches).toEqual([
      { version: 1, name: 'a', recorded: 'old-sum', file: 'sum-001_a.up.sql' },
    ]);
    expect(
      planMigrations(set, [applied(1, 'a', 'old-sum')], { direction: 'down' }).checksumMismatches,
    ).toHaveLength(1);
  });

  test('down: one step by default, everything above --to, blocked without a down file', () => {
    const two = [applied(1, 'a'), applied(2, 'b')];
    expect(
      planMigrations(set, two, { direction: 'down' }).steps.map((s) => [s.version, s.direction]),
    ).toEqual([[2, 'down']]);
    expect(planMigrations(set, two, { direction: 'down', to: 0 }).steps.map((s) => s.version)).toEqual([
      2, 1,
    ]);
    const three = [...two, applied(3, 'c')];
    expect(planMigrations(set, three, { direction: 'down' }).blockers).toEqual([
      'version 3 (c) cannot be reverted: 003_c.down.sql does not exist',
    ]);
    expect(planMigrations(set, two, { direction: 'down', to: 5 }).flagProblems[0]).toMatch(
      /above the applied version 2/,
    );
    expect(planMigrations(set, three, { direction: 'up', to: 1 }).flagProblems[0]).toMatch(
      /below the applied version 3/,
    );
  });

  test('warns about applied versions without files and out-of-order pending ones', () => {
    const plan = planMigrations(set, [applied(2, 'b'), applied(9, 'zz')], { direction: 'up' });
    expect(plan.warnings).toEqual([
      'version 9 (zz) is applied but has no file in this release',
      'version 1 (a) is older than the applied version 9; it is applied out of order',
      'version 3 (c) is older than the applied version 9; it is applied out of order',
    ]);
  });

  test('undoSteps reverses what was applied, or says it cannot', () => {
    const up = planMigrations(set, [], { direction: 'up', to: 2 }).steps;
    expect(undoSteps(up, set)!.map((s) => [s.version, s.direction, s.sql])).toEqual([
      [2, 'down', '-- 002_b.down.sql'],
      [1, 'down', '-- 001_a.down.sql'],
    ]);
    expect(undoSteps(planMigrations(set, [], { direction: 'up' }).steps, set)).toBeNull();
  });
});
