import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tryLock } from '../../../src/runtime/file-lock.js';
import { repoRoot } from '../../helpers/reference-releases.js';

/**
 * dist/ built from these sources (`node build/build.mjs --out …`) and laid out as an action
 * checkout is (<root>/dist beside <root>/package.json, which is how the bundle finds its package
 * root and the packaged default config), once per state of the sources
 * and shared by the replay test files: a bundle left by an earlier state is never reused (the key
 * is the newest file among the sources the build reads), and a lock keeps two Jest workers from
 * building at once. The committed dist/ is never used: it may be stale.
 */
export async function builtDist(): Promise<string> {
  let newest = 0;
  const walk = (path: string): void => {
    const stat = statSync(path);
    if (!stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs);
      return;
    }
    for (const entry of readdirSync(path)) if (entry !== 'node_modules') walk(join(path, entry));
  };
  for (const part of ['src', 'build', 'examples/dhash-service', 'package.json', 'package-lock.json'])
    walk(join(repoRoot, part));
  const root = join(tmpdir(), `dhash-replay-checkout-${Math.floor(newest)}`);
  const out = join(root, 'dist');
  const done = join(root, '.built');
  for (;;) {
    if (existsSync(done)) return out;
    const lock = tryLock(`${root}.lock`, 'build the toolkit for the workflow replay');
    if (lock.acquired) {
      try {
        if (!existsSync(done)) {
          await promisify(execFile)(process.execPath, ['build/build.mjs', '--out', out], {
            cwd: repoRoot,
            maxBuffer: 64 * 1024 * 1024,
          });
          if (!existsSync(join(out, 'index.js'))) throw new Error('the build wrote no index.js');
          for (const file of ['package.json', 'quality-gates-config.json'])
            copyFileSync(join(repoRoot, file), join(root, file));
          writeFileSync(done, 'ok');
        }
      } finally {
        lock.release();
      }
      return out;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
