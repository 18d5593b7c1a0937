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
  copy.environments.production.notifications = {
    ...copy.environments.production.notifications,
    allow_insecure_loopback: true,
    ...notifications,
  };
  delete copy.$schema;
  const configPath = join(dir, 'quality-gates-config.json');
  writeFileSync(configPath, JSON.stringify(copy, null, 2));
  return {
    dir,
    configPath,
    load: (vars) => loadConfig({ configPath, envName: 'production', cwd: dir, environment: vars }),
  };
}
