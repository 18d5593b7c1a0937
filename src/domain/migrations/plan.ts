import type { Migration } from './files.js';

/** A row of the tracking table `schema_migrations`. */
export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
  applied_at: string;
}

export type Direction = 'up' | 'down';

export interface MigrationStep {
  version: number;
  name: string;
  direction: Direction;
  /** The SQL to run. */
  sql: string;
  /** The up file's checksum, recorded on up. */
  checksum: string;
}

export interface MigrationPlan {
  direction: Direction;
  /** The version the database ends at when the plan is carried out. */
  targetVersion: number;
  currentVersion: number;
  steps: MigrationStep[];
  /** Applied migrations whose up file has since been edited. A plan with these is refused. */
  checksumMismatches: Array<{ version: number; name: string; recorded: string; file: string }>;
  /** Reasons the plan cannot be carried out (missing down files...). */
  blockers: string[];
  /** Flags that contradict the database (`--to` on the wrong side of the applied version). */
  flagProblems: string[];
  /** Worth telling, not stopping: applied versions without a file, out-of-order pending ones. */
  warnings: string[];
}

export interface PlanOptions {
  direction: Direction;
  /** up: apply through this version; down: revert every applied version above it.
   * Default: up = all; down = one step (the latest applied). */
  to?: number;
}

type DirectionPlan = Pick<
  MigrationPlan,
  'steps' | 'targetVersion' | 'blockers' | 'flagProblems' | 'warnings'
>;

/** Applied versions without a file, and applied up files edited since (by checksum). */
function checkApplied(
  files: Map<number, Migration>,
  applied: AppliedMigration[],
): Pick<MigrationPlan, 'checksumMismatches' | 'warnings'> {
  const checksumMismatches: MigrationPlan['checksumMismatches'] = [];
  const warnings: string[] = [];
  for (const row of [...applied].sort((a, b) => a.version - b.version)) {
    const file = files.get(row.version);
    if (!file) {
      warnings.push(`version ${row.version} (${row.name}) is applied but has no file in this release`);
      continue;
    }
    if (file.up.checksum !== row.checksum) {
      checksumMismatches.push({
        version: row.version,
        name: row.name,
        recorded: row.checksum,
        file: file.up.checksum,
      });
    }
  }
  return { checksumMismatches, warnings };
}

/** up: every pending version through `--to`, in file order. */
function planUp(
  available: Migration[],
  applied: AppliedMigration[],
  currentVersion: number,
  to: number | undefined,
): DirectionPlan {
  const appliedVersions = new Set(applied.map((a) => a.version));
  const steps: MigrationStep[] = [];
  const warnings: string[] = [];
  const flagProblems: string[] = [];
  const limit = to ?? Number.POSITIVE_INFINITY;
  const pending = available.filter((m) => !appliedVersions.has(m.version) && m.version <= limit);
  for (const m of pending) {
    if (m.version < currentVersion)
      warnings.push(
        `version ${m.version} (${m.name}) is older than the applied version ${currentVersion}; it is applied out of order`,
      );
    steps.push({
      version: m.version,
      name: m.name,
      direction: 'up',
      sql: m.up.sql,
      checksum: m.up.checksum,
    });
  }
  const targetVersion = Math.max(currentVersion, ...pending.map((m) => m.version));
  if (to !== undefined && to < currentVersion) {
    flagProblems.push(
      `--to ${to} is below the applied version ${currentVersion}; use --direction down to go back`,
    );
  }
  return { steps, targetVersion, blockers: [], flagProblems, warnings };
}

/** down: every applied version above `--to` (default: the latest one), newest first. */
function planDown(
  files: Map<number, Migration>,
  applied: AppliedMigration[],
  currentVersion: number,
  to: number | undefined,
): DirectionPlan {
  const steps: MigrationStep[] = [];
  const blockers: string[] = [];
  const flagProblems: string[] = [];
  const sortedApplied = [...applied].sort((a, b) => b.version - a.version);
  const floor = to ?? sortedApplied.at(1)?.version ?? 0;
  if (to !== undefined && to > currentVersion) {
    flagProblems.push(
      `--to ${to} is above the applied version ${currentVersion}; use --direction up to go forward`,
    );
  }
  for (const row of sortedApplied) {
    if (row.version <= floor) break;
    const file = files.get(row.version);
    if (!file) {
      blockers.push(
        `version ${row.version} (${row.name}) cannot be reverted: its files are not in this release`,
      );
      continue;
    }
    if (!file.down) {
      blockers.push(
        `version ${row.version} (${row.name}) cannot be reverted: ${file.up.fileName.replace(/\.up\.sql$/, '.down.sql')} does not exist`,
      );
      continue;
    }
    steps.push({
      version: row.version,
      name: row.name,
      direction: 'down',
      sql: file.down.sql,
      checksum: row.checksum,
    });
  }
  return { steps, targetVersion: Math.min(currentVersion, floor), blockers, flagProblems, warnings: [] };
}

/**
 * The pure part of `migrate`: from the files and the tracking table, what would run. Checksums of
 * applied migrations are compared in both directions, because a down file is only trustworthy
 * against the up file that was actually applied.
 */
export function planMigrations(
  available: Migration[],
  applied: AppliedMigration[],
  options: PlanOptions,
): MigrationPlan {
  const files = new Map(available.map((m) => [m.version, m]));
  const currentVersion = applied.reduce((max, a) => Math.max(max, a.version), 0);
  const { checksumMismatches, warnings } = checkApplied(files, applied);
  const plan =
    options.direction === 'up'
      ? planUp(available, applied, currentVersion, options.to)
      : planDown(files, applied, currentVersion, options.to);
  return {
    direction: options.direction,
    targetVersion: plan.targetVersion,
    currentVersion,
    steps: plan.steps,
    checksumMismatches,
    blockers: plan.blockers,
    flagProblems: plan.flagProblems,
    warnings: [...warnings, ...plan.warnings],
  };
}

/** The down steps that undo a list of up steps just applied (newest first); null when one lacks a down file. */
export function undoSteps(applied: MigrationStep[], available: Migration[]): MigrationStep[] | null {
  const files = new Map(available.map((m) => [m.version, m]));
  const steps: MigrationStep[] = [];
  for (const step of [...applied].reverse()) {
    const down = files.get(step.version)?.down;
    if (!down) return null;
    steps.push({
      version: step.version,
      name: step.name,
      direction: 'down',
      sql: down.sql,
      checksum: step.checksum,
    });
  }
  return steps;
}

export function describeMismatch(m: MigrationPlan['checksumMismatches'][number]): string {
  return `version ${m.version} (${m.name}) was applied with checksum ${m.recorded.slice(0, 12)}… but its up file now has ${m.file.slice(0, 12)}…`;
}
