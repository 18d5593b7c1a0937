import { isAbsolute } from 'node:path';
import { loadConfig } from '../config/load.js';
import type { EnvironmentConfig } from '../config/schema.js';
import { messageOf } from '../runtime/errors.js';

/**
 * Config validation of every environment of the file, on a machine that is not the target host.
 * What only that host can answer (does the target root exist, is the database reachable) is not a
 * failure here: it is listed as "checked by the deploy", which does check it, on the host.
 */
export interface EnvironmentCheck {
  name: string;
  ok: boolean;
  error?: string;
  /** Facts only the target host can confirm; the deploy checks them before changing anything. */
  checkedByDeploy: string[];
}

export function hostOnlyChecks(env: EnvironmentConfig): string[] {
  const checks: string[] = [];
  const target = env.target;
  if (target?.type === 'local') {
    checks.push(`target root ${target.root} exists and is writable`);
    checks.push(
      isAbsolute(env.backup.dir)
        ? `backup directory ${env.backup.dir}`
        : `backup directory ${env.backup.dir} (under the target root)`,
    );
  } else if (target?.type === 'command') {
    checks.push('the target commands (deploy, restart, rollback, status) run on the host');
  } else {
    checks.push('no target configured: deploy, backup and rollback are unavailable for this environment');
  }
  if (env.migrations.driver === 'postgres')
    checks.push(`database reachable through ${env.migrations.database_url_env}`);
  else if (env.migrations.database_path)
    checks.push(`database file ${env.migrations.database_path} under the target root`);
  checks.push(`service answers at ${env.service.base_url}`);
  return checks;
}

export function checkEveryEnvironment(
  configPath: string | undefined,
  cwd: string,
  environment: NodeJS.ProcessEnv,
  names: string[],
): EnvironmentCheck[] {
  return names.map((name) => {
    try {
      const loaded = loadConfig({ configPath, envName: name, cwd, environment });
      return { name, ok: true, checkedByDeploy: hostOnlyChecks(loaded.env) };
    } catch (error) {
      return { name, ok: false, error: messageOf(error), checkedByDeploy: [] };
    }
  });
}
