import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTarget, writeConfig } from './fixture.js';

/**
 * Concurrent backups as operators make them: separate `dhash-rollout backup` processes of the real
 * CLI (compiled from the sources, as the crash tests compile their child) started together on one
 * environment. Backups do not take the environment lock: each claims a unique name with link(2),
 * so every process must succeed, with its own file, and the sha256 it reports must be the one on disk.
 */
const repo = process.cwd();
const cliOut = join(repo, '.build', 'backup-concurrent-cli');
const cli = join(cliOut, 'src', 'cli', 'main.js');

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], cwd: string): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

describe('4 backup processes of the CLI started together, 5 rounds', () => {
  let dir: string;
  beforeAll(() => {
    rmSync(cliOut, { recursive: true, force: true });
    execFileSync(process.execPath, [
      join(repo, 'node_modules', 'typescript', 'bin', 'tsc'),
      '--outDir',
      cliOut,
      '--rootDir',
      repo,
      '--module',
      'NodeNext',
      '--moduleResolution',
      'NodeNext',
      '--target',
      'ES2022',
      '--strict',
      '--skipLibCheck',
      '--esModuleInterop',
      '--resolveJsonModule',
      '--types',
      'node',
      join(repo, 'src', 'cli', 'main.ts'),
      join(repo, 'src', 'types', 'sql-wasm-inline.d.ts'),
    ]);
  }, 300_000);
  afterAll(() => {
    rmSync(cliOut, { recursive: true, force: true });
  });
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'concurrent-cli-'));
    const root = join(dir, 'srv');
    await makeTarget(root);
    // Enough files that the four runs overlap while archiving, not only at start-up.
    for (let i = 0; i < 300; i++)
      writeFileSync(
        join(root, 'releases', 'v1.0.0', 'lib', `m${i}.js`),
        `export const v${i} = ${i};\n`.repeat(50),
      );
    writeConfig(dir, root, { keepLast: 100 });
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('20 exits 0, 20 distinct files, each reported sha256 the one on disk, every sidecar passes', async () => {
    const reported: Array<{ path: string; sha256: string }> = [];
    for (let round = 0; round < 5; round++) {
      const runs = await Promise.all(
        Array.from({ length: 4 }, () => runCli(['backup', '--env', 'production', '--json'], dir)),
      );
      for (const run of runs) {
        // No lock to refuse them: a failure here is a real failure, shown with its message.
        expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
        const result = JSON.parse(run.stdout) as { path: string; sha256: string };
        reported.push({ path: result.path, sha256: result.sha256 });
      }
    }
    expect(reported).toHaveLength(20);
    expect(new Set(reported.map((r) => r.path)).size).toBe(20);
    for (const r of reported)
      expect(createHash('sha256').update(readFileSync(r.path)).digest('hex')).toBe(r.sha256);
    const backups = readdirSync(join(dir, 'backups'));
    const zips = backups.filter((n) => n.endsWith('.zip'));
    expect(zips.sort()).toEqual(reported.map((r) => r.path.slice(join(dir, 'backups').length + 1)).sort());
    for (const z of zips) execFileSync('sha256sum', ['-c', '--quiet', `backups/${z}.sha256`], { cwd: dir });
    expect(backups.filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 600_000);
});
