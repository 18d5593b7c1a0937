import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { tryLock } from '../../src/runtime/file-lock.js';

export const repoRoot = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/**
 * The reference service's real release bundles, built once per state of their sources and shared
 * by every test file (a build takes 20-60 s on a busy machine): the cache key is the newest file
 * among the service, the product code it bundles, and the build scripts; a lock keeps two Jest
 * workers from building at once.
 */
export async function referenceReleases(): Promise<string> {
  let newest = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'test') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['examples/dhash-service', 'src', 'build']) walk(join(repoRoot, dir));
  const out = join(tmpdir(), `dhash-test-releases-${Math.floor(newest)}`);
  const done = join(out, '.built');
  const lockPath = `${out}.lock`;
  for (;;) {
    if (existsSync(done)) return out;
    const lock = tryLock(lockPath, 'build reference releases');
    if (lock.acquired) {
      try {
        if (!existsSync(done)) {
          const builder = join(repoRoot, 'examples', 'dhash-service', 'build-releases.mjs');
          await promisify(execFile)(process.execPath, [builder, '--out', out, '--from-sources'], {
            cwd: repoRoot,
            maxBuffer: 64 * 1024 * 1024,
          });
          if (!existsSync(join(out, '2.0.0', 'server.js')))
            throw new Error('the builder did not write 2.0.0/server.js');
          writeFileSync(done, 'ok');
        }
      } finally {
        lock.release();
      }
      return out;
    }
    // Another worker is building; its lock file disappears when it is done.
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * The config a test deploys the reference releases with: one environment ("staging" unless told),
 * the packaged one's settings, no notification channels, and the test's own overrides (its target).
 */
export function writeConfig(dir: string, env: Record<string, unknown>, name = 'staging'): string {
  const packaged = JSON.parse(readFileSync(join(repoRoot, 'quality-gates-config.json'), 'utf8')) as {
    environments: Record<string, Record<string, unknown>>;
  };
  const base = { ...packaged.environments.staging };
  delete base.$schema;
  const environment = { ...base, notifications: { channels: {} }, ...env };
  const file = join(dir, 'quality-gates-config.json');
  writeFileSync(
    file,
    JSON.stringify(
      { version: '1.0.0', default_environment: name, environments: { [name]: environment } },
      null,
      2,
    ),
  );
  return file;
}
