/**
 * Which backups retention deletes. Pure, so every rule is tested on its own:
 *  - the newest `keepLast` are kept;
 *  - of the rest, those older than `retentionHours` are deleted;
 *  - the newest verified backup is never deleted, nor one a rollback is using.
 */
export interface RetentionCandidate {
  name: string;
  createdMs: number;
  /** Has a sidecar whose hash matches (or was verified on write). */
  verified: boolean;
  inUse: boolean;
}

export interface RetentionDecision {
  keep: Array<{ name: string; reason: string }>;
  remove: Array<{ name: string; reason: string }>;
}

export function chooseRetention(
  candidates: RetentionCandidate[],
  keepLast: number,
  retentionHours: number,
  nowMs: number,
): RetentionDecision {
  const newestFirst = [...candidates].sort(
    (a, b) => b.createdMs - a.createdMs || b.name.localeCompare(a.name),
  );
  const newestVerified = newestFirst.find((c) => c.verified)?.name;
  const cutoff = nowMs - retentionHours * 3_600_000;
  const decision: RetentionDecision = { keep: [], remove: [] };
  newestFirst.forEach((c, index) => {
    if (index < keepLast) decision.keep.push({ name: c.name, reason: `among the newest ${keepLast}` });
    else if (c.name === newestVerified)
      decision.keep.push({ name: c.name, reason: 'the newest verified backup' });
    else if (c.inUse) decision.keep.push({ name: c.name, reason: 'in use by a rollback' });
    else if (c.createdMs >= cutoff)
      decision.keep.push({ name: c.name, reason: `younger than ${retentionHours} h` });
    else
      decision.remove.push({
        name: c.name,
        reason: `older than ${retentionHours} h and beyond the newest ${keepLast}`,
      });
  });
  return decision;
}
