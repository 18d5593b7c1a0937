import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type LoadedConfig } from '../../../src/config/load.js';

const shipped = JSON.parse(readFileSync(join(process.cwd(), 'quality-gates-config.json'), 'utf8')) as Record<
  string,
  any
>;

export interface TestWorkspace {
  dir: string;
  configPath: string;
  load(vars: Record<string, string>): LoadedConfig;
}

/** A temp working directory with a copy of the shipped config whose production notifications are `notifications`. */
export function workspace(notifications: Record<string, unknown>): TestWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'dhash-notify-'));
  const copy = structuredClone(shipped);
  const { channels, ...rest } = notifications;
  copy.environments.production.notifications = {
    ...copy.environments.production.notifications,
    allow_insecure_loopback: true,
    ...rest,
    // Tests name the channels; the file enables each one (settings come from the variables).
    ...(channels !== undefined
      ? { channels: Object.fromEntries((channels as string[]).map((c) => [c, { enabled: true }])) }
      : {}),
  };
  // Escalation levels may only name enabled channels; these tests are not about escalation.
  if (channels !== undefined)
    copy.environments.production.notifications.escalation = { escalation_levels: [] };
  delete copy.$schema;
  const configPath = join(dir, 'quality-gates-config.json');
  writeFileSync(configPath, JSON.stringify(copy, null, 2));
  return {
    dir,
    configPath,
    load: (vars) => loadConfig({ configPath, envName: 'production', cwd: dir, environment: vars }),
  };
}
