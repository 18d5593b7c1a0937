/**
 * The JSON-lines log contract (docs/architecture.md, "Contracts"): every line is one JSON object with an ISO-8601
 * `timestamp`, a `level` from the known set, and a string `message`; other fields are free.
 */
export const KNOWN_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL'] as const;

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export function isIsoTimestamp(value: unknown): boolean {
  return typeof value === 'string' && ISO_8601.test(value) && Number.isFinite(Date.parse(value));
}

export type ParsedLine = { ok: true; value: Record<string, unknown> } | { ok: false; problem: string };

/** Parses one line as a JSON object, saying why not in operator words. */
export function parseJsonObjectLine(text: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not valid JSON (${(error as Error).message})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, problem: 'a JSON value but not an object' };
  return { ok: true, value: value as Record<string, unknown> };
}

/** Problems of one log line; an empty list means the line honours the contract. */
export function logRecordProblems(text: string): string[] {
  const parsed = parseJsonObjectLine(text);
  if (!parsed.ok) return [parsed.problem];
  const record = parsed.value;
  const problems: string[] = [];
  if (!('timestamp' in record)) problems.push('no "timestamp"');
  else if (!isIsoTimestamp(record.timestamp))
    problems.push(`"timestamp" ${JSON.stringify(record.timestamp)} is not an ISO-8601 time`);
  if (!('level' in record)) problems.push('no "level"');
  else if (!(KNOWN_LEVELS as readonly unknown[]).includes(record.level)) {
    problems.push(`"level" ${JSON.stringify(record.level)} is not one of ${KNOWN_LEVELS.join(', ')}`);
  }
  if (!('message' in record)) problems.push('no "message"');
  else if (typeof record.message !== 'string') problems.push('"message" is not a string');
  return problems;
}

/**
 * What a notification fallback line needs to be replayable (the notify issue's FallbackEntry):
 * an `id`, a `channel`, and the rendered `payload`.
 */
export function fallbackEntryProblems(text: string): { errors: string[]; warnings: string[] } {
  const parsed = parseJsonObjectLine(text);
  if (!parsed.ok) return { errors: [parsed.problem], warnings: [] };
  const entry = parsed.value;
  const errors: string[] = [];
  const warnings: string[] = [];
  if (typeof entry.id !== 'string' || entry.id === '') errors.push('no string "id" (cannot be replayed)');
  if (typeof entry.channel !== 'string' || entry.channel === '')
    errors.push('no string "channel" (cannot be replayed)');
  if (entry.payload === null || typeof entry.payload !== 'object' || Array.isArray(entry.payload))
    errors.push('no "payload" object (cannot be replayed)');
  if (!isIsoTimestamp(entry.recorded_at)) warnings.push('no ISO-8601 "recorded_at"');
  return { errors, warnings };
}

/** A line of the replay ledger beside the fallback: which fallback entry a replay handled, and how. */
export function replayRecordProblems(text: string): { errors: string[]; warnings: string[] } {
  const parsed = parseJsonObjectLine(text);
  if (!parsed.ok) return { errors: [parsed.problem], warnings: [] };
  const errors: string[] = [];
  if (typeof parsed.value.id !== 'string') errors.push('no string "id"');
  if (typeof parsed.value.status !== 'string') errors.push('no string "status"');
  return { errors, warnings: [] };
}
