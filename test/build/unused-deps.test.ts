import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SCRIPT = resolve('build/unused-deps.mjs');

// The CI check on a small repository of the test's own: one dependency imported, one run as a
// command, one only mentioned in Markdown (so unused), and type packages of each.
describe('build/unused-deps.mjs', () => {
  let repo: string;
  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'dhash-unused-deps-'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    mkdirSync(join(repo, 'src'));
    writeFileSync(join(repo, 'src', 'a.ts'), "import { x } from 'imported/sub';\nexport const y = x;\n");
    writeFileSync(join(repo, 'README.md'), "import 'mentioned-only';\n");
    mkdirSync(join(repo, 'node_modules', 'runner'), { recursive: true });
    writeFileSync(
      join(repo, 'node_modules', 'runner', 'package.json'),
      JSON.stringify({ bin: { 'run-it': 'x.js' } }),
    );
  });
  afterEach(() => {
    rmSync(repo, { recursive: true, force: true });
  });

  const check = (dependencies: Record<string, string>, devDependencies: Record<string, string> = {}) => {
    writeFileSync(
      join(repo, 'package.json'),
      JSON.stringify({ scripts: { lint: 'run-it src' }, dependencies, devDependencies }),
    );
    return spawnSync(process.execPath, [SCRIPT, '--root', repo], { encoding: 'utf8' });
  };

  test('names each dependency nothing imports or runs, and fails', () => {
    const ran = check(
      { imported: '1', 'mentioned-only': '1' },
      { runner: '1', '@types/imported': '1', '@types/gone': '1' },
    );
    expect(ran.status).toBe(1);
    expect(ran.stderr.trim().split('\n')).toEqual([
      'unused dependency: mentioned-only (nothing in the repository imports or runs it); remove it from package.json',
      'unused dependency: @types/gone (nothing in the repository imports or runs it); remove it from package.json',
    ]);
  });

  test('passes when every dependency is used', () => {
    const ran = check({ imported: '1' }, { runner: '1', '@types/imported': '1' });
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(ran.stdout).toBe('dependencies: all 3 in package.json are used\n');
  });
});
