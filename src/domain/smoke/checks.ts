/**
 * The smoke checks as pure judgements: each takes what the service answered (or how the request
 * failed) and says pass, warn or fail with a one-line reason. The I/O lives in
 * src/commands/smoke/; keeping the verdicts here lets every misbehaviour be unit tested.
 */
import { METRIC_NAMES } from '../metrics/metric-names.js';
import { ExpositionError, parseExposition, type Exposition } from '../metrics/exposition.js';
import { hasFamily } from './families.js';

export const SMOKE_CHECK_IDS = [
  'health',
  'metrics',
  'hash',
  'queue_status',
  'invalid_payload',
  'admin_protected',
  'health_latency',
] as const;
export type SmokeCheckId = (typeof SMOKE_CHECK_IDS)[number];

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skipped';

export interface CheckOutcome {
  id: SmokeCheckId;
  title: string;
  /** Critical checks run in quick mode; any failure of one means the service is not serving. */
  critical: boolean;
  status: CheckStatus;
  detail: string;
  /** Round-trip time of the request behind the check, when there was one. */
  elapsedMs?: number;
}

/** What one HTTP exchange produced: a response, or the reason there was none. */
export type Observation =
  | { kind: 'response'; status: number; contentType: string; body: string; elapsedMs: number }
  | { kind: 'error'; error: string; elapsedMs: number };

export interface CheckDefinition {
  id: SmokeCheckId;
  title: string;
  critical: boolean;
}

export const SMOKE_CHECKS: readonly CheckDefinition[] = [
  { id: 'health', title: 'GET health: JSON with status "ok"', critical: true },
  { id: 'metrics', title: 'GET metrics: parses, required families present', critical: true },
  { id: 'hash', title: 'POST /api/dhash sample image: known hash', critical: true },
  { id: 'queue_status', title: 'GET queue status: JSON with numeric queue_length', critical: false },
  { id: 'invalid_payload', title: 'POST /api/dhash invalid payload: 4xx', critical: false },
  { id: 'admin_protected', title: 'GET admin route: not open', critical: false },
  { id: 'health_latency', title: 'health latency within the limit', critical: false },
];

/** The families the default gates read (docs/architecture.md, "Contracts"). */
export const REQUIRED_METRIC_FAMILIES: readonly string[] = Object.values(METRIC_NAMES);

export function checksFor(quick: boolean): CheckDefinition[] {
  return SMOKE_CHECKS.filter((c) => !quick || c.critical);
}

export interface Judgement {
  status: Exclude<CheckStatus, 'skipped'>;
  detail: string;
}

const pass = (detail: string): Judgement => ({ status: 'pass', detail });
const fail = (detail: string): Judgement => ({ status: 'fail', detail });
const warn = (detail: string): Judgement => ({ status: 'warn', detail });

function describeStatus(obs: Extract<Observation, { kind: 'response' }>): string {
  return `HTTP ${obs.status}`;
}

function parseJsonObject(body: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const start = body.trim().slice(0, 40).replace(/\s+/g, ' ');
    return `body is not JSON (starts "${start}")`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return 'body is JSON but not an object';
  return value as Record<string, unknown>;
}

export function judgeHealth(obs: Observation): Judgement {
  if (obs.kind === 'error') return fail(obs.error);
  if (obs.status < 200 || obs.status >= 300) return fail(`${describeStatus(obs)}, expected 2xx`);
  const json = parseJsonObject(obs.body);
  if (typeof json === 'string') return fail(json);
  if (json.status !== 'ok') return fail(`status is ${JSON.stringify(json.status ?? null)}, expected "ok"`);
  const version =
    typeof json.version === 'string' || typeof json.version === 'number' ? `, version ${json.version}` : '';
  return pass(`status ok${version}`);
}

export function judgeMetrics(
  obs: Observation,
  required: readonly string[] = REQUIRED_METRIC_FAMILIES,
): Judgement {
  if (obs.kind === 'error') return fail(obs.error);
  if (obs.status < 200 || obs.status >= 300) return fail(`${describeStatus(obs)}, expected 2xx`);
  let exposition: Exposition;
  try {
    exposition = parseExposition(obs.body);
  } catch (error) {
    if (error instanceof ExpositionError || (error as { name?: string } | null)?.name === 'ExpositionError')
      return fail(`not Prometheus text: ${(error as Error).message}`);
    throw error;
  }
  if (exposition.samples.length === 0) return fail('no samples in the exposition');
  const missing = required.filter((family) => !hasFamily(exposition, family));
  if (missing.length > 0)
    return fail(`missing famil${missing.length === 1 ? 'y' : 'ies'}: ${missing.join(', ')}`);
  return pass(`${exposition.samples.length} samples, all ${required.length} required families present`);
}

export function judgeQueueStatus(obs: Observation): Judgement {
  if (obs.kind === 'error') return fail(obs.error);
  if (obs.status < 200 || obs.status >= 300) return fail(`${describeStatus(obs)}, expected 2xx`);
  const json = parseJsonObject(obs.body);
  if (typeof json === 'string') return fail(json);
  const length = json.queue_length;
  if (typeof length !== 'number' || !Number.isFinite(length) || length < 0) {
    return fail(`queue_length is ${JSON.stringify(length ?? null)}, expected a number of at least 0`);
  }
  return pass(`queue_length ${length}`);
}

/**
 * The hash check compares the hex the service returns with the sample's known value. Field names
 * vary between service versions, so the first hex string found under a known key is used.
 */
export const HASH_FIELDS = ['hash', 'dhash', 'hash_hex', 'dhash_hex'] as const;

export function extractHash(json: Record<string, unknown>): string | null {
  for (const key of HASH_FIELDS) {
    const value = json[key];
    if (typeof value === 'string') return value;
  }
  return null;
}

export function judgeHash(obs: Observation, expectedHex: string): Judgement {
  if (obs.kind === 'error') return fail(obs.error);
  if (obs.status < 200 || obs.status >= 300) return fail(`${describeStatus(obs)}, expected 2xx`);
  const json = parseJsonObject(obs.body);
  if (typeof json === 'string') return fail(json);
  const hash = extractHash(json);
  if (hash === null) return fail(`no hash in the response (looked for ${HASH_FIELDS.join(', ')})`);
  if (hash.toLowerCase() !== expectedHex.toLowerCase())
    return fail(`hash ${hash}, expected ${expectedHex.toLowerCase()}`);
  return pass(`hash ${hash.toLowerCase()} matches the sample`);
}

export function judgeInvalidPayload(obs: Observation): Judgement {
  if (obs.kind === 'error') return fail(obs.error);
  if (obs.status >= 400 && obs.status < 500) return pass(`rejected with ${describeStatus(obs)}`);
  if (obs.status >= 500)
    return fail(`${describeStatus(obs)}: the service errored instead of rejecting the payload`);
  return fail(`${describeStatus(obs)}: an invalid payload was accepted`);
}

/** 401/403/404 (and other refusals or redirects to a login) mean not open; 2xx means anyone can use it. */
export function judgeAdmin(obs: Observation): Judgement {
  if (obs.kind === 'error') return fail(`${obs.error} (cannot tell whether the admin route is protected)`);
  if (obs.status >= 200 && obs.status < 300)
    return fail(`${describeStatus(obs)}: the admin route is open without credentials`);
  if (obs.status >= 300 && obs.status < 400) return pass(`${describeStatus(obs)}: redirected, not served`);
  if (obs.status >= 400 && obs.status < 500) return pass(`${describeStatus(obs)}: not open`);
  return fail(`${describeStatus(obs)}: the admin route errors (cannot tell whether it is protected)`);
}

/** Latency is reported, and a slow answer warns rather than fails: a slow service still serves. */
export function judgeLatency(healthObs: Observation, limitMs: number): Judgement {
  if (healthObs.kind === 'error') return fail(`no health answer to time: ${healthObs.error}`);
  const ms = Math.round(healthObs.elapsedMs);
  if (healthObs.elapsedMs > limitMs) return warn(`${ms} ms, above the ${limitMs} ms limit`);
  return pass(`${ms} ms (limit ${limitMs} ms)`);
}
