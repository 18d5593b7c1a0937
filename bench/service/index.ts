// Reference dhash service benchmark: hashes per second for 256x256 and 1024x1024 images (decode +
// hash, and hash alone), beside a baseline measured in the same run (PNG decode alone), then P95
// latency of POST /api/dhash at a fixed offered load against the service started in-process.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pngjs from 'pngjs';
import { runLoad } from '../../examples/dhash-service/loadgen/loadgen.js';
import { readConfig } from '../../examples/dhash-service/src/config.js';
import { decodeImage } from '../../examples/dhash-service/src/decode.js';
import { dhash } from '../../examples/dhash-service/src/dhash.js';
import { encodePng } from '../../examples/dhash-service/src/images/encode.js';
import { syntheticImage } from '../../examples/dhash-service/src/images/synthetic.js';
import { startService } from '../../examples/dhash-service/src/service.js';

function perSecond(work: () => void, minMs: number): number {
  work(); // warm-up
  let runs = 0;
  const started = performance.now();
  while (performance.now() - started < minMs) {
    work();
    runs++;
  }
  return runs / ((performance.now() - started) / 1000);
}

const fmt = (n: number) => n.toFixed(1).padStart(9);
console.log(`cores: ${cpus().length} (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}`);
console.log('size        decode+hash/s   hash only/s   baseline: PNG decode only/s');
for (const size of [256, 1024]) {
  const image = syntheticImage(3, size);
  const bytes = encodePng(image);
  const minMs = size === 256 ? 2000 : 4000;
  const full = perSecond(() => dhash(decodeImage(bytes).image), minMs);
  const hashOnly = perSecond(() => dhash(image), minMs);
  const decodeOnly = perSecond(() => pngjs.PNG.sync.read(bytes), minMs);
  console.log(`${`${size}x${size}`.padEnd(10)}  ${fmt(full)}       ${fmt(hashOnly)}     ${fmt(decodeOnly)}`);
}

const rate = Number(process.env.BENCH_RATE ?? 25);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const work = mkdtempSync(join(tmpdir(), 'dhash-bench-'));
const releaseDir = join(work, 'release');
cpSync(join(process.cwd(), 'examples', 'dhash-service', 'migrations'), join(releaseDir, 'migrations'), {
  recursive: true,
});
writeFileSync(join(releaseDir, 'release.json'), JSON.stringify({ version: 'bench', faults: {} }));
const service = await startService(
  readConfig({ DHASH_PORT: '0', DHASH_DB_PATH: join(work, 'dhash.sqlite') }, work, releaseDir),
  { log: () => {} },
);
try {
  const report = await runLoad({ url: service.url, rate, durationSeconds: seconds });
  const l = report.latency;
  console.log(
    `\nPOST /api/dhash, 128x128 mix (known/near/unfamiliar/corrupt), offered ${rate} req/s for ${seconds} s, service in-process on ${cpus().length} cores:`,
  );
  console.log(
    `  sent ${report.sent}, completed ${report.completed}, achieved ${report.achieved_rate} req/s, status ${JSON.stringify(report.status_counts)}`,
  );
  console.log(`  latency ms: p50 ${l.p50_ms}  p95 ${l.p95_ms}  p99 ${l.p99_ms}  max ${l.max_ms}`);
} finally {
  await service.close();
  rmSync(work, { recursive: true, force: true });
}
