import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * release.json: what this release is and which faults it carries. A fault is part of the
 * release (a regressed build), never a switch flipped at run time.
 */
const rate = z.number().min(0).max(1);
const ms = z.number().min(0).max(600_000);

export const HashDelaySchema = z.union([
  ms,
  z.strictObject({ distribution: z.literal('fixed'), ms }),
  z.strictObject({ distribution: z.literal('uniform'), min_ms: ms, max_ms: ms }),
  z.strictObject({ distribution: z.literal('normal'), mean_ms: ms, stddev_ms: ms }),
]);
export type HashDelay = z.infer<typeof HashDelaySchema>;

export const MemoryGrowthSchema = z.strictObject({
  /** Bytes retained (and touched, so resident) per extraction request. */
  bytes_per_request: z.number().int().min(0).default(0),
  /** Bytes retained per second of uptime, even when idle. */
  bytes_per_second: z.number().int().min(0).default(0),
  /** Growth stops once RSS reaches this fraction of the memory limit (above the 85 % gate). */
  max_fraction_of_limit: z.number().min(0).max(1).default(0.95),
  /** And never retains more than this in total, so a fault release cannot exhaust a host. */
  max_bytes: z
    .number()
    .int()
    .min(0)
    .default(1024 * 1024 * 1024),
});

export const FaultsSchema = z.strictObject({
  /** Added to the hash time of every extraction: a number of ms, or a distribution. */
  hash_delay: HashDelaySchema.optional(),
  /** Fraction of decodable images whose extraction fails (422, counted as failure). */
  extraction_failure_rate: rate.optional(),
  /** /health answers 503 {"status":"fail"}. */
  health_fail: z.boolean().optional(),
  /** Fraction of successful extractions forced below the confidence threshold and queued (no duplicate check). */
  low_confidence_rate: rate.optional(),
  memory_growth: MemoryGrowthSchema.optional(),
  /** Fraction of /api/* requests answered 500 before any work. */
  http_5xx_rate: rate.optional(),
  /** Seed of the generator behind delay distributions. */
  seed: z.number().int().optional(),
});
export type Faults = z.infer<typeof FaultsSchema>;

export const ReleaseSchema = z.looseObject({
  version: z.string().min(1),
  description: z.string().optional(),
  faults: FaultsSchema.default({}),
});
export type Release = z.infer<typeof ReleaseSchema>;

export const DEV_RELEASE: Release = { version: '0.0.0-dev', faults: {} };

/** Reads `<dir>/release.json`; a directory without one (running from sources) is a dev release. */
export function readRelease(dir: string): Release {
  const path = join(dir, 'release.json');
  if (!existsSync(path)) return DEV_RELEASE;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = ReleaseSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new Error(`${path}: ${problems.join('; ')}`);
  }
  return parsed.data;
}
