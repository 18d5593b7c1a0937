#!/usr/bin/env node
// Assembles release bundles of the reference dhash service:
//   node examples/dhash-service/build-releases.mjs --out <dir> [--from-sources]
// writes <dir>/<release>/{server.js, package.json, release.json, migrations/} for 1.0.0, 2.0.0,
// 3.0.0 (a regressed release) and one release per fault switch, plus <dir>/loadgen.js.
// server.js and loadgen.js are ncc bundles, each with the chunk files ncc splits off beside it
// (ES modules; the package.json beside them says so): they run with plain `node` and no
// node_modules anywhere above them.
// By default the bundles are the prebuilt ones in dist/reference-service/ (written by
// `npm run build`, checked fresh by .ci/run like the rest of dist/), so an installed package
// needs no bundler. --from-sources bundles the service's current sources with ncc (a
// devDependency: the tests use it, so they exercise the sources, not the last build).
// ncc transpiles only (--transpile-only): `npx tsc --noEmit -p .` typechecks, and a transient
// type error elsewhere in the repository must not stop the service from building.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
const MiB = 1024 * 1024;

/** Every release: its migrations (by highest version) and the faults baked into it. */
export const RELEASES = [
  { version: '1.0.0', schema: 1, faults: {}, description: 'baseline release (schema 1)' },
  {
    version: '2.0.0',
    schema: 2,
    faults: {},
    description: 'healthy release; adds migration 002 (review queue reason)',
  },
  {
    version: '3.0.0',
    schema: 2,
    // Every request still succeeds (so /health and the smoke checks pass): only the P95 gate,
    // watching real traffic over its window, can catch this regression.
    description:
      'regressed release: hashing takes 2.6-4.2 s (a slow dependency); every request still succeeds',
    faults: { hash_delay: { distribution: 'uniform', min_ms: 2600, max_ms: 4200 } },
  },
  {
    version: 'fault-hash-delay',
    schema: 2,
    description: 'P95 hash time far above 2000 ms',
    faults: { hash_delay: { distribution: 'uniform', min_ms: 2500, max_ms: 4000 } },
  },
  {
    version: 'fault-extraction-failure',
    schema: 2,
    description: '25 % of extractions fail',
    faults: { extraction_failure_rate: 0.25 },
  },
  {
    version: 'fault-health-fail',
    schema: 2,
    description: '/health answers 503 fail',
    faults: { health_fail: true },
  },
  {
    version: 'fault-queue-flood',
    schema: 2,
    description: 'every extraction lands in the review queue',
    faults: { low_confidence_rate: 1 },
  },
  {
    version: 'fault-memory-growth',
    schema: 2,
    description: 'retains 8 MiB per extraction and 4 MiB a second, up to 95 % of the memory limit',
    faults: {
      memory_growth: {
        bytes_per_request: 8 * MiB,
        bytes_per_second: 4 * MiB,
        max_fraction_of_limit: 0.95,
        max_bytes: 2048 * MiB,
      },
    },
  },
  {
    version: 'fault-http-5xx',
    schema: 2,
    description: '20 % of /api requests answer 500',
    faults: { http_5xx_rate: 0.2 },
  },
];

const BUNDLES = [
  { entry: join(here, 'src', 'main.ts'), name: 'server' },
  { entry: join(here, 'loadgen', 'main.ts'), name: 'loadgen' },
];

/** Where `npm run build` puts the prebuilt bundles (server.js, loadgen.js). */
export const PREBUILT = join(root, 'dist', 'reference-service');

const USAGE = 'usage: node examples/dhash-service/build-releases.mjs --out <dir> [--from-sources]';

function parseArgs(argv) {
  const args = argv.slice(2);
  const i = args.indexOf('--out');
  const unknown = args.filter((a, k) => a !== '--from-sources' && a !== '--out' && k !== i + 1);
  if (i < 0 || !args[i + 1] || args[i + 1].startsWith('--') || unknown.length > 0) {
    process.stderr.write(
      `${unknown.length > 0 ? `unknown argument ${unknown[0]}; ` : '--out: expected a directory; '}${USAGE}\n`,
    );
    process.exit(2);
  }
  return { out: resolve(args[i + 1]), fromSources: args.includes('--from-sources') };
}

// ncc splits modules loaded with import() into chunks (N.index.js) that must sit beside the
// bundle; the bundle is renamed (server.js, loadgen.js) and its chunks travel with it.
const CHUNK = /^\d+\.index\.js$/;

async function bundle(entry, outDir) {
  if (!existsSync(ncc))
    throw new Error(`--from-sources needs the devDependency @vercel/ncc (missing ${ncc}); run npm ci`);
  const { patchSqlJsModuleCheck } = await import('../../build/patch-sqljs.mjs');
  await run(
    process.execPath,
    [ncc, 'build', entry, '-o', outDir, '--target', 'es2022', '--transpile-only', '--quiet'],
    { cwd: root, maxBuffer: 16 * MiB },
  );
  const files = readdirSync(outDir);
  const extra = files.filter((f) => f !== 'index.js' && f !== 'package.json' && !CHUNK.test(f));
  if (extra.length > 0)
    throw new Error(`${entry}: ncc emitted assets a release does not ship: ${extra.join(', ')}`);
  rmSync(join(outDir, 'package.json'), { force: true });
  for (const name of files.filter((f) => f.endsWith('.js'))) {
    const file = join(outDir, name);
    writeFileSync(file, patchSqlJsModuleCheck(readFileSync(file, 'utf8'), file));
  }
}

/** Copies a bundle directory (index.js and its chunks) to `dir`, the bundle renamed to `name`. */
function placeBundle(bundleDir, dir, name) {
  for (const file of readdirSync(bundleDir))
    copyFileSync(join(bundleDir, file), join(dir, file === 'index.js' ? name : file));
}

const MODULE_SCOPE = '{\n  "type": "module"\n}\n';

/**
 * Bundles the service and the load generator from the sources into `outDir`/server/ and
 * `outDir`/loadgen/ (index.js and chunks each; used by build/build.mjs for dist/).
 */
export async function bundleReferenceService(outDir) {
  await Promise.all(BUNDLES.map((b) => bundle(b.entry, join(outDir, b.name))));
}

async function main() {
  const { out, fromSources } = parseArgs(process.argv);
  const started = Date.now();
  const staging = mkdtempSync(join(tmpdir(), 'dhash-releases-'));
  try {
    let bundles = PREBUILT;
    if (fromSources) {
      process.stderr.write(`bundling server.js and loadgen.js from the sources with ncc...\n`);
      bundles = staging;
      await bundleReferenceService(staging);
    } else if (!BUNDLES.every((b) => existsSync(join(PREBUILT, b.name, 'index.js')))) {
      throw new Error(
        `the prebuilt service bundles are missing (${PREBUILT}); run npm run build, or pass --from-sources`,
      );
    }
    const server = join(bundles, 'server');
    const loadgen = join(bundles, 'loadgen');
    const migrations = readdirSync(join(here, 'migrations')).filter((f) =>
      /^\d+_.+\.(up|down)\.sql$/.test(f),
    );
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'package.json'), MODULE_SCOPE);
    placeBundle(loadgen, out, 'loadgen.js');
    for (const release of RELEASES) {
      const dir = join(out, release.version);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(join(dir, 'migrations'), { recursive: true });
      placeBundle(server, dir, 'server.js');
      writeFileSync(join(dir, 'package.json'), MODULE_SCOPE);
      for (const file of migrations) {
        if (Number(file.split('_')[0]) <= release.schema)
          copyFileSync(join(here, 'migrations', file), join(dir, 'migrations', file));
      }
      const manifest = {
        version: release.version,
        description: release.description,
        schema_version: release.schema,
        faults: release.faults,
        built_at: new Date().toISOString(),
      };
      writeFileSync(join(dir, 'release.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      process.stderr.write(
        `  ${release.version}: ${Object.keys(release.faults).join(', ') || 'no faults'}\n`,
      );
    }
    const size = readFileSync(join(server, 'index.js')).length;
    process.stdout.write(
      `built ${RELEASES.length} releases and loadgen.js in ${out} (server.js ${Math.round(size / 1024)} KiB) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`build-releases: ${error.message ?? error}\n`);
    process.exit(1);
  });
}
