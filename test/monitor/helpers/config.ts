import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type LoadedConfig } from '../../../src/config/load.js';

const REPO_CONFIG = join(process.cwd(), 'quality-gates-config.json');

/** The shipped config, one environment patched by `edit`, loaded as the CLI would load it. */
export function testConfig(
  envName: string,
  baseUrl: string,
  edit: (env: Record<string, any>) => void = () => {},
): { config: LoadedConfig; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dhash-monitor-'));
  const file = JSON.parse(readFileSync(REPO_CONFIG, 'utf8')) as {
    environments: Record<string, Record<string, any>>;
    $schema?: string;
  };
  delete file.$schema;
  edit(file.environments[envName]);
  const path = join(dir, 'quality-gates-config.json');
  writeFileSync(path, JSON.stringify(file, null, 2));
  return { config: loadConfig({ configPath: path, envName, baseUrl, cwd: dir, environment: {} }), dir };
}
