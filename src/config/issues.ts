import type { z } from 'zod';
import { SECRET_SETTING_KEYS } from './channels-schema.js';
import { configJsonSchema } from './file-schema.js';

/** Keys whose values are never echoed in a message (secrets, or a secret put in the wrong place). */
const UNSHOWN_KEYS = new Set([...SECRET_SETTING_KEYS, 'database_url_env', 'routing_key_env']);

/**
 * Turns zod issues into one operator-facing line each: the JSON path, then what was expected.
 * A missing key says "is required"; an unknown key says which keys are allowed nearby.
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A discriminated union reports its branches; show the branch whose discriminator matched.
      const best = issue.errors.reduce((a, b) => (a.length <= b.length ? a : b));
      lines.push(
        ...formatIssues(
          best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })),
          input,
        ),
      );
      continue;
    }
    const path = jsonPath(issue.path);
    if (issue.code === 'invalid_key') {
      lines.push(`${path}: ${issue.issues.map((i) => i.message).join('; ')}`);
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const hint = suggestion(key, allKnownKeys());
        lines.push(
          `${jsonPath([...issue.path, key])}: unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
        );
      }
      continue;
    }
    const value = valueAt(input, issue.path);
    const message = plain(issue);
    if (value === undefined && issue.code === 'invalid_type') {
      lines.push(`${path}: is required; ${message}`);
      continue;
    }
    const last = issue.path[issue.path.length - 1];
    const hidden = typeof last === 'string' && UNSHOWN_KEYS.has(last);
    const shown =
      value === undefined || hidden
        ? ''
        : typeof value === 'object'
          ? ` (got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : 'an object'})`
          : ` (got ${shownValue(value)})`;
    lines.push(`${path}: ${message}${shown}`);
  }
  return [...new Set(lines)];
}

/** A scalar as the user wrote it; JSON has no Infinity, so a number too large for a double says so. */
function shownValue(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return value > 0
      ? 'a number too large (beyond ±1.8e308)'
      : 'a negative number too large (beyond ±1.8e308)';
  }
  return JSON.stringify(value);
}

/** zod's default wording ("Invalid input: expected string, received number") made plain. */
function plain(issue: z.core.$ZodIssue): string {
  return issue.message
    .replace(/^Invalid input: /, '')
    .replace(/, received \w+$/, '')
    .replace(/^Invalid option: expected one of /, 'expected one of ');
}

export function jsonPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** Every key the schema knows anywhere, used only to suggest a fix for a typo. */
let knownKeys: string[] | undefined;
function allKnownKeys(): string[] {
  if (knownKeys) return knownKeys;
  const keys = new Set<string>();
  const stack: unknown[] = [configJsonSchema()];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    const props = (node as { properties?: Record<string, unknown> }).properties;
    if (props && typeof props === 'object') for (const k of Object.keys(props)) keys.add(k);
    for (const v of Object.values(node)) if (v !== null && typeof v === 'object') stack.push(v);
  }
  knownKeys = [...keys];
  return knownKeys;
}

function suggestion(key: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = levenshtein(key.toLowerCase(), c);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 4)) ? best : undefined;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
