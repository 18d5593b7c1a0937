import { existsSync } from 'node:fs';
import type { LoadedConfig } from './load.js';
import { targetRoot } from './state-dir.js';
import { RefusedError } from '../runtime/errors.js';

/** Commands that change (or read backups of) a `local` target: they only make sense on its host. */
export const TARGET_HOST_COMMANDS = new Set(['deploy', 'rollout', 'rollback', 'backup', 'migrate']);

/**
 * The refusal of a command run where the target does not live. Its message is the whole story in
 * one line (the front ends add nothing under it): exit 4, nothing read or written.
 */
export class OffTargetHostError extends RefusedError {}

/**
 * A job that landed on a runner which is not the target host (a GitHub-hosted runner, the wrong
 * self-hosted one), or a command typed on the wrong machine, finds no target root there, so no
 * release and no backups: it refuses in one line naming the runs-on labels it needs (and, for
 * use outside GitHub, the host it must run on), before anything is read or written. The labels
 * come from DHASH_RUNNER_LABELS, which deploy.yml and rollback.yml set from the same expression
 * as their runs-on; without it, the convention the workflows default to is named.
 */
export function refuseOffTargetHost(config: LoadedConfig, cwd: string, env: NodeJS.ProcessEnv): void {
  const root = targetRoot(config.env, cwd);
  if (root === null || existsSync(root)) return;
  const labels =
    compactLabels(env.DHASH_RUNNER_LABELS) ?? JSON.stringify(['self-hosted', `dhash-${config.envName}`]);
  const runner = env.RUNNER_NAME ? `runner "${env.RUNNER_NAME}"` : 'this machine';
  throw new OffTargetHostError(
    `${config.envName}: target root ${root} does not exist on ${runner}, which is not the target host (no release, no backups here; target.root from ${config.source}); on GitHub run this job on the target host's self-hosted runner: runs-on: ${labels} (deploy.yml/rollback.yml input runs-on, or the DHASH_RUNNERS repository variable); outside GitHub run it on the host that holds ${root}, or pass --config with that host's config`,
  );
}

/** The workflows set the labels with toJSON(), which pretty-prints; the refusal stays one line. */
function compactLabels(text: string | undefined): string | null {
  if (!text?.trim()) return null;
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text.replace(/\s+/g, ' ').trim();
  }
}
