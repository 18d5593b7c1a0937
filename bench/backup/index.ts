// `npm run bench -- backup`: on two trees —
//   big:   BENCH_BACKUP_MB (default 1024 MiB: ~70 % incompressible image files, ~30 % compressible
//          JSON/SQL; many small files and a few large);
//   small: ~300 MB of small files copied from this checkout's node_modules (≥ 20,000 files);
// (BENCH_BACKUP_TREES=big,small chooses) it measures
//   backup:   `dhash-rollout backup --env production`, the CLI as an operator runs it, built from
//             this checkout's sources into .build/bench-cli (build/build.mjs --out; its code
//             cache made by one untimed run first; BENCH_CLI=<cli.js> runs a given build instead)
//             (archive + re-read verification + sidecar) vs `zip -r -q` followed by `sha256sum`,
//             twice each (zip, ours, ours, zip);
//   restore:  dhash-rollout's restoreBackup (full verification: archive hash, CRC, manifest sha256;
//             staged files made durable by syncfs) vs `unzip -q` of the same archive followed by
//             `sync`, twice each (unzip, ours, ours, unzip);
//   downtime: a real rollback of a running HTTP service: from the stop to the service answering
//             its health check again, beside the service's own start time;
// each in its own process under /usr/bin/time -v for wall time and peak RSS.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIB = 1024 * 1024;
const totalMb = Number(process.env.BENCH_BACKUP_MB ?? 1024);
const here = dirname(fileURLToPath(import.meta.url));
const child = join(here, 'child.js');
const checkout = join(here, '..', '..', '..', '..');

/**
 * The CLI to measure: the one a user runs (the bundle, with its code cache), not the compiled
 * modules the restore runs use (those load ~100 ms slower, module by module).
 */
let builtCli: string | null = process.env.BENCH_CLI ?? null;
function cli(): string {
  if (builtCli) return builtCli;
  // Inside the checkout (under .build/, ignored by git): the CLI finds its package root (the
  // default config, the sample files) by walking up to this checkout's package.json.
  const out = join(checkout, '.build', 'bench-cli');
  console.log(`building the CLI from this checkout's sources into ${out} ...`);
  execFileSync(process.execPath, [join(checkout, 'build', 'build.mjs'), '--out', out], {
    cwd: checkout,
    stdio: 'inherit',
  });
  builtCli = join(out, 'cli.js');
  return builtCli;
}

function jsonChunk(seed: number, bytes: number): Buffer {
  // Realistic records: ids, component names, 64-bit dhash hex, confidences, timestamps.
  const parts: string[] = [];
  let size = 0;
  let i = seed;
  while (size < bytes) {
    const line = `{"id":${i},"rulebook":"rb-${i % 311}","page":${i % 97},"component":"component_${(i * 7) % 1013}","dhash":"${randomBytes(8).toString('hex')}","confidence":${(((i * 37) % 1000) / 1000).toFixed(3)},"matched":${i % 5 !== 0},"at":"2026-03-${String((i % 28) + 1).padStart(2, '0')}T12:${String(i % 60).padStart(2, '0')}:00Z"}`;
    parts.push(line);
    size += line.length + 2;
    i++;
  }
  return Buffer.from(`[\n${parts.join(',\n')}\n]\n`);
}

function sqlChunk(seed: number, bytes: number): Buffer {
  const parts: string[] = ['BEGIN TRANSACTION;'];
  let size = 0;
  for (let i = seed; size < bytes; i++) {
    const line = `INSERT INTO images (id, rulebook, page, dhash, confidence) VALUES (${i}, 'rb-${i % 311}', ${i % 97}, '${randomBytes(8).toString('hex')}', ${(((i * 37) % 1000) / 1000).toFixed(3)});`;
    parts.push(line);
    size += line.length + 1;
  }
  parts.push('COMMIT;');
  return Buffer.from(parts.join('\n'));
}

/**
 * ~300 MB of small files: node_modules copied file by file (files over 1 MiB left out), again if
 * need be. A further copy's files each start with a line naming the copy: the same kind of data,
 * but no file repeats one of the first copy byte for byte (the backup stores a repeated content
 * once, and a whole repeated node_modules would flatter it; the repeats node_modules has of its
 * own stay).
 */
function buildSmallTree(root: string): { files: number; bytes: number } {
  const budget = 300 * 1e6;
  let files = 0;
  let bytes = 0;
  const rel = join(root, 'releases', 'v1.0.0');
  mkdirSync(rel, { recursive: true });
  writeFileSync(join(rel, 'release.json'), '{"version":"v1.0.0"}');
  symlinkSync(join('releases', 'v1.0.0'), join(root, 'current'));
  mkdirSync(join(root, 'shared', 'config'), { recursive: true });
  writeFileSync(join(root, 'shared', 'config', 'service.json'), '{"threshold":10}');
  const copy = (from: string, to: string, copyNumber: number): void => {
    for (const entry of readdirSync(from, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      if (bytes >= budget) return;
      const src = join(from, entry.name);
      if (entry.isDirectory()) copy(src, join(to, entry.name), copyNumber);
      else if (entry.isFile()) {
        const size = statSync(src).size;
        if (size > MIB) continue;
        mkdirSync(to, { recursive: true });
        if (copyNumber === 1) {
          copyFileSync(src, join(to, entry.name));
          bytes += size;
        } else {
          const content = Buffer.concat([Buffer.from(`/* copy ${copyNumber} */\n`), readFileSync(src)]);
          writeFileSync(join(to, entry.name), content);
          bytes += content.length;
        }
        files++;
      }
    }
  };
  // As many copies as it takes (a checkout's node_modules may be smaller than the budget).
  for (let n = 1; bytes < budget; n++) {
    const before = bytes;
    copy(join(process.cwd(), 'node_modules'), join(rel, n === 1 ? 'node_modules' : `node_modules_${n}`), n);
    if (bytes === before) break;
  }
  return { files, bytes };
}

function buildTree(root: string): { files: number; bytes: number } {
  const budget = totalMb * MIB;
  let files = 0;
  let bytes = 0;
  const put = (path: string, content: Buffer): void => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    files++;
    bytes += content.length;
  };
  const rel = join(root, 'releases', 'v1.0.0');
  put(join(rel, 'release.json'), Buffer.from('{"version":"v1.0.0"}'));
  for (let i = 0; i < 200; i++)
    put(
      join(rel, 'lib', `m${i}.js`),
      Buffer.from(`export function f${i}(x) { return x * ${i}; }\n`.repeat(40)),
    );
  symlinkSync(join('releases', 'v1.0.0'), join(root, 'current'));
  // 70 %: images — 4 large (5 % of the tree each) and many 40–400 KiB ones.
  const images = budget * 0.7;
  const largeImage = Math.floor(budget * 0.05);
  for (let i = 0; i < 4; i++)
    put(join(root, 'shared', 'data', 'library', `scan-${i}.png`), randomBytes(largeImage));
  let left = images - 4 * largeImage;
  for (let i = 0; left > 0; i++) {
    const size = Math.min(left, 40 * 1024 + ((i * 7919) % (360 * 1024)));
    put(
      join(root, 'shared', 'data', 'images', `d${i % 64}`, `img-${i}.${i % 3 === 0 ? 'jpg' : 'png'}`),
      randomBytes(size),
    );
    left -= size;
  }
  // 30 %: two large SQL dumps (5 % each) and many 2–64 KiB JSON files.
  const sqlSize = Math.floor(budget * 0.05);
  for (let i = 0; i < 2; i++)
    put(join(root, 'shared', 'data', 'dumps', `dump-${i}.sql`), sqlChunk(i * 1_000_000, sqlSize));
  left = budget * 0.3 - 2 * sqlSize;
  const pool = jsonChunk(0, 8 * MIB);
  for (let i = 0; left > 0; i++) {
    const size = Math.min(left, 2048 + ((i * 104729) % (62 * 1024)));
    const start = (i * 4099) % (pool.length - size);
    put(
      join(root, 'shared', 'data', 'records', `r${i % 32}`, `rec-${i}.json`),
      pool.subarray(start, start + size),
    );
    left -= size;
  }
  put(join(root, 'shared', 'config', 'service.json'), Buffer.from('{"threshold":10}'));
  return { files, bytes };
}

interface Timed {
  seconds: number;
  /** user + system CPU seconds: what the work costs, whatever else the machine is running. */
  cpuSeconds: number;
  peakRssMb: number;
  stdout: string;
}

/** Runs added up (peak RSS: the highest). */
function sumOf(runs: Timed[]): Timed {
  return {
    seconds: runs.reduce((t, r) => t + r.seconds, 0),
    cpuSeconds: runs.reduce((t, r) => t + r.cpuSeconds, 0),
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    stdout: '',
  };
}

function timed(cmd: string, args: string[], cwd: string): Timed {
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * MIB });
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 1500)}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr)!;
  const seconds =
    Number((wall[1] as string | undefined) ?? 0) * 3600 /* hours are optional */ +
    Number(wall[2]) * 60 +
    Number(wall[3]);
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)![1]) / 1024;
  const cpuSeconds =
    Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)![1]) +
    Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)![1]);
  return { seconds, cpuSeconds, peakRssMb: rss, stdout: r.stdout };
}

const trees = (process.env.BENCH_BACKUP_TREES ?? 'big,small').split(',');
for (const tree of trees) {
  if (tree !== 'big' && tree !== 'small') throw new Error(`BENCH_BACKUP_TREES: unknown tree "${tree}"`);
  runTree(tree);
}

function runTree(kind: 'big' | 'small'): void {
  const work = mkdtempSync(join(tmpdir(), 'bench-backup-'));
  try {
    const root = join(work, 'srv');
    mkdirSync(root);
    console.log(`\n--- ${kind} tree ---\nbuilding it in ${root} ...`);
    const tree = kind === 'big' ? buildTree(root) : buildSmallTree(root);
    const mb = tree.bytes / 1e6;
    console.log(`tree: ${tree.files} files, ${mb.toFixed(0)} MB (${(tree.bytes / MIB).toFixed(0)} MiB)`);
    const config = JSON.parse(readFileSync(join(process.cwd(), 'quality-gates-config.json'), 'utf8')) as {
      environments: Record<string, Record<string, unknown>>;
    };
    const prod = config.environments.production;
    prod.target = { type: 'local', root };
    prod.backup = { dir: join(work, 'backups'), paths: ['current', 'shared'], keep_last: 5 };
    writeFileSync(join(work, 'quality-gates-config.json'), JSON.stringify(config));
    execFileSync('sync');

    // Baseline first, then ours: both read a tree that is already in the page cache.
    // Backup and `zip -r -q` + `sha256sum`, twice each, in the order zip, ours, ours, zip (a
    // busy shared machine drifts within minutes; this order spreads the drift over both sides).
    // The figures are the two runs added up (peak RSS: the higher).
    const zipRuns: Timed[] = [];
    const shaRuns: Timed[] = [];
    const ourRuns: Timed[] = [];
    let zipSize = 0;
    const zipOnce = (n: number): void => {
      const zipOut = join(work, `baseline-${n}.zip`);
      zipRuns.push(timed('zip', ['-r', '-q', zipOut, 'current', 'shared'], root));
      shaRuns.push(timed('sha256sum', [zipOut], work));
      zipSize = statSync(zipOut).size;
      rmSync(zipOut);
    };
    let result = { path: '', sizeBytes: 0 };
    const backupOnce = (measured: boolean): void => {
      const run = timed(process.execPath, [cli(), 'backup', '--env', 'production', '--json'], work);
      if (measured) ourRuns.push(run);
      // Keep one archive (the latest) for the restore runs.
      if (result.path) for (const p of [result.path, `${result.path}.sha256`]) rmSync(p, { force: true });
      const printed = JSON.parse(run.stdout) as { path: string; size_bytes: number };
      result = { path: printed.path, sizeBytes: printed.size_bytes };
    };
    // Untimed: makes the CLI's code cache (as any earlier run on the machine would have).
    backupOnce(false);
    zipOnce(1);
    backupOnce(true);
    backupOnce(true);
    zipOnce(2);
    const zipRun = sumOf(zipRuns);
    const shaRun = sumOf(shaRuns);
    const ours = sumOf(ourRuns);
    const baseSeconds = zipRun.seconds + shaRun.seconds;

    // Restore and `unzip -q` + `sync`, twice, in the order unzip, ours, ours, unzip, each into a
    // folder of its own, and nothing deleted until all four are done: ext4 without a journal (this
    // machine's file system) will not reuse an inode freed less than 60 s ago (longer while its
    // inode table block is unwritten) and scans past every such inode for each file it creates,
    // so a run right after a 40 000-file tree was deleted pays a quadratic file creation (perf:
    // 80 % of its CPU in ext4's recently_deleted()). Other users deleting trees still add noise.
    const restoreRuns: Timed[] = [];
    const unzipRuns: Timed[] = [];
    const unzipOnce = (n: number): void => {
      const dir = join(work, `unzipped-${n}`);
      unzipRuns.push(timed('sh', ['-c', `unzip -q "${result.path}" -d "${dir}" && sync`], work));
    };
    const restoreOnce = (n: number): void => {
      const restoreRoot = join(work, `restored-${n}`);
      mkdirSync(restoreRoot);
      restoreRuns.push(timed(process.execPath, [child, 'restore', result.path, restoreRoot], work));
    };
    unzipOnce(1);
    restoreOnce(1);
    restoreOnce(2);
    unzipOnce(2);
    const unzipRun = sumOf(unzipRuns);
    const restoreRun = sumOf(restoreRuns);
    const downtime = JSON.parse(
      timed(process.execPath, [child, 'rollback', work, result.path], work).stdout,
    ) as {
      startMs: number;
      downtimeMs: number;
      swapMs: number;
      stagingMs: number;
    };

    const baseCpu = zipRun.cpuSeconds + shaRun.cpuSeconds;
    const rows = [
      ...ourRuns.map(
        (r, i) =>
          [
            `backup ${i + 1}: dhash-rollout backup (archive + fsync + verify + sidecar)`,
            r.seconds,
            r.cpuSeconds,
            r.peakRssMb,
            result.sizeBytes,
          ] as const,
      ),
      ...zipRuns.map(
        (z, i) =>
          [
            `backup ${i + 1}: zip -r -q + sha256sum (baseline, no fsync)`,
            z.seconds + shaRuns[i].seconds,
            z.cpuSeconds + shaRuns[i].cpuSeconds,
            Math.max(z.peakRssMb, shaRuns[i].peakRssMb),
            zipSize,
          ] as const,
      ),
      ...restoreRuns.map(
        (r, i) =>
          [
            `restore ${i + 1}: dhash-rollout (full verification, fsynced, journaled)`,
            r.seconds,
            r.cpuSeconds,
            r.peakRssMb,
            null,
          ] as const,
      ),
      ...unzipRuns.map(
        (r, i) =>
          [
            `restore ${i + 1}: unzip -q + sync (baseline, same archive)`,
            r.seconds,
            r.cpuSeconds,
            r.peakRssMb,
            null,
          ] as const,
      ),
    ] as const;
    console.log(
      `\nload average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (2 cores shared)`,
    );
    console.log(
      '\n| measurement | wall s | MB/s (wall) | CPU s | peak RSS MB | archive MB |\n| --- | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const [name, s, cpu, rss, size] of rows)
      console.log(
        `| ${name} | ${s.toFixed(2)} | ${(mb / s).toFixed(0)} | ${cpu.toFixed(2)} | ${rss.toFixed(0)} | ${size === null ? '' : (size / 1e6).toFixed(1)} |`,
      );
    const speedup = baseSeconds / ours.seconds;
    const sizeRatio = result.sizeBytes / zipSize;
    const restoreRatio = restoreRun.seconds / unzipRun.seconds;
    console.log(
      `\n[${kind}] backup speed-up vs zip+sha256sum (wall, both runs summed): ${speedup.toFixed(2)}× (goal ≥ 3×) ${speedup >= 3 ? 'MET' : 'NOT MET'}; each pair: ${ourRuns.map((r, i) => ((zipRuns[i].seconds + shaRuns[i].seconds) / r.seconds).toFixed(2)).join('×, ')}×; by CPU time: ${(baseCpu / ours.cpuSeconds).toFixed(2)}×; backup's own peak RSS ${ours.peakRssMb.toFixed(0)} MB`,
    );
    console.log(
      `[${kind}] archive size vs zip: ${(sizeRatio * 100).toFixed(1)} % (goal ≤ 110 %) ${sizeRatio <= 1.1 ? 'MET' : 'NOT MET'}`,
    );
    console.log(
      `[${kind}] restore time vs unzip + sync (wall, both runs summed): ${restoreRatio.toFixed(2)}× (goal ≤ 1.2×) ${restoreRatio <= 1.2 ? 'MET' : 'NOT MET'}; each pair: ${restoreRuns.map((r, i) => (r.seconds / unzipRuns[i].seconds).toFixed(2)).join('×, ')}×; by CPU time: ${(restoreRun.cpuSeconds / unzipRun.cpuSeconds).toFixed(2)}×`,
    );
    const peak = Math.max(ours.peakRssMb, restoreRun.peakRssMb);
    console.log(
      `[${kind}] peak RSS of backup and restore: ${peak.toFixed(0)} MB (goal < 200 MB) ${peak < 200 ? 'MET' : 'NOT MET'}`,
    );
    const extra = downtime.downtimeMs - downtime.startMs;
    console.log(
      `[${kind}] rollback downtime (stop → healthy): ${downtime.downtimeMs} ms; stopped → start called (the swap): ${downtime.swapMs} ms (goal ≤ 1000 ms) ${downtime.swapMs <= 1000 ? 'MET' : 'NOT MET'}; the service's own start, measured before: ${downtime.startMs} ms (downtime minus it: ${extra} ms); staging while it ran: ${downtime.stagingMs} ms`,
    );
    if (kind === 'big' && totalMb !== 1024)
      console.log(`(BENCH_BACKUP_MB=${totalMb}: a quick run; the reported figures are the 1024 MiB run)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
