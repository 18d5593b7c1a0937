/**
 * Which files validate-logging reads. Logs are named `<kind>_<env>_<YYYYMMDD_HHMMSS>[_<run id>].log`
 * (docs/architecture.md, "Contracts"); the newest of each kind for the environment is checked line by line, and every
 * log-shaped file in the directory is checked for size.
 */
export const LOG_KINDS = {
  monitor: 'dhash',
  deploy: 'deploy',
  smoke: 'smoke_tests',
} as const;
export type LogKind = keyof typeof LOG_KINDS;

export const FALLBACK_FILE = 'notification_fallback.jsonl';
export const REPLAY_LEDGER_FILE = 'notification_fallback.replayed.jsonl';

export interface DirectoryEntry {
  name: string;
  bytes: number;
  mtimeMs: number;
}

/** Environment and stamp are null when the name has the kind's prefix but not the env-and-stamp shape. */
export type LogFileName =
  { kind: LogKind; environment: string; stamp: string } | { kind: LogKind; environment: null; stamp: null };

const KIND_OF_PREFIX: Record<(typeof LOG_KINDS)[LogKind], LogKind> = {
  dhash: 'monitor',
  deploy: 'deploy',
  smoke_tests: 'smoke',
};

// An optional run id after the stamp (`deploy_production_20261128_234539_a1b2c3.log`).
const SHAPED = /^(dhash|deploy|smoke_tests)_(.+)_(\d{8}_\d{6})(?:_[0-9a-f]{6})?\.log$/;
const PREFIXED = /^(dhash|deploy|smoke_tests)_.*\.log$/;

export function classifyLogName(name: string): LogFileName | null {
  const prefixed = PREFIXED.exec(name);
  if (!prefixed) return null;
  const kind = KIND_OF_PREFIX[prefixed[1] as keyof typeof KIND_OF_PREFIX];
  const shaped = SHAPED.exec(name);
  if (!shaped || shaped[1] !== LOG_KINDS[kind]) return { kind, environment: null, stamp: null };
  return { kind, environment: shaped[2], stamp: shaped[3] };
}

export interface Selection {
  /** Newest files per kind for the environment, newest first. */
  newest: Record<LogKind, DirectoryEntry[]>;
  /** Every log-shaped file, any environment (size is checked for all of them). */
  allLogs: DirectoryEntry[];
  /** Files with a log prefix whose names do not carry an environment and stamp. */
  oddlyNamed: string[];
  fallback: DirectoryEntry | null;
  replayLedger: DirectoryEntry | null;
}

/** Newest by the stamp in the name (UTC, sorts as text), then by modification time. */
export function selectLogs(
  entries: readonly DirectoryEntry[],
  environment: string,
  perKind: number,
): Selection {
  const newest: Record<LogKind, DirectoryEntry[]> = { monitor: [], deploy: [], smoke: [] };
  const allLogs: DirectoryEntry[] = [];
  const oddlyNamed: string[] = [];
  const candidates: Record<LogKind, Array<{ entry: DirectoryEntry; stamp: string }>> = {
    monitor: [],
    deploy: [],
    smoke: [],
  };
  for (const entry of entries) {
    const parsed = classifyLogName(entry.name);
    if (!parsed) continue;
    allLogs.push(entry);
    if (parsed.environment === null) oddlyNamed.push(entry.name);
    else if (parsed.environment === environment) candidates[parsed.kind].push({ entry, stamp: parsed.stamp });
  }
  for (const kind of Object.keys(candidates) as LogKind[]) {
    newest[kind] = candidates[kind]
      .sort((a, b) => (a.stamp === b.stamp ? b.entry.mtimeMs - a.entry.mtimeMs : a.stamp < b.stamp ? 1 : -1))
      .slice(0, perKind)
      .map((c) => c.entry);
  }
  return {
    newest,
    allLogs: allLogs.sort((a, b) => a.name.localeCompare(b.name)),
    oddlyNamed: oddlyNamed.sort(),
    fallback: entries.find((e) => e.name === FALLBACK_FILE) ?? null,
    replayLedger: entries.find((e) => e.name === REPLAY_LEDGER_FILE) ?? null,
  };
}

/** Files over the limit, as findings-to-be. */
export function oversized(entries: readonly DirectoryEntry[], maxBytes: number): DirectoryEntry[] {
  return entries.filter((e) => e.bytes > maxBytes);
}
