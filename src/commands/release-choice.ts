import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { targetRoot } from '../config/state-dir.js';
import type { readHistory } from '../adapters/targets/release-history.js';
import { UsageError } from '../runtime/errors.js';

/** Reads a local target's deploy history (src/adapters/targets/release-history.ts). */
export type ReadHistory = typeof readHistory;

/** Which release a deploy is about, and why that one: the plan says it, so nobody has to guess. */
export interface ReleaseChoice {
  /** A directory or archive path (relative paths are relative to the working directory). */
  path: string;
  reason: string;
}

/**
 * The release a deploy gets when the command line names none, as the seed runbook's
 * `./scripts/deploy_dhash.sh --env production [--dry-run]` does: `--release`, else
 * `DHASH_RELEASE`, else the newest release staged on a local target (the one a deploy would
 * make live), skipping releases whose deploy failed or that were rolled back.
 */
export function chooseRelease(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  config: LoadedConfig,
  cwd: string,
  history: ReadHistory,
): ReleaseChoice {
  if (flag) return { path: flag, reason: '--release' };
  if (env.DHASH_RELEASE) return { path: env.DHASH_RELEASE, reason: 'DHASH_RELEASE' };
  const root = targetRoot(config.env, cwd);
  const staged = root ? newestStaged(root, history) : null;
  if (root && staged)
    return { path: staged, reason: `the newest release staged in ${join(root, 'releases')}` };
  const where = root
    ? `no release is staged in ${join(root, 'releases')}`
    : `environment "${config.envName}" has no local target to look for staged releases in`;
  throw new UsageError(
    `--release: no release given and ${where}; pass --release <dir|archive> or set DHASH_RELEASE (build the reference releases with: node examples/dhash-service/build-releases.mjs --out releases)`,
  );
}

/** The most recently staged release directory (by its modification time), not abandoned. */
export function newestStaged(root: string, history: ReadHistory): string | null {
  const dir = join(root, 'releases');
  if (!existsSync(dir)) return null;
  const abandoned = new Set(
    history(root)
      .filter((a) => a.abandoned)
      .map((a) => a.release),
  );
  const candidates = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !abandoned.has(d.name))
    .filter((d) => existsSync(join(dir, d.name, 'release.json')))
    .map((d) => ({ path: join(dir, d.name), mtime: statSync(join(dir, d.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  return candidates[0]?.path ?? null;
}
