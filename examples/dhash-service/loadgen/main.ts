// `node loadgen.js --url http://127.0.0.1:8080 --rate 20 --duration 60`: offers a realistic mix of
// images to a dhash service and prints the achieved rate and latency percentiles.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseMix } from './image-mix.js';
import { runLoad, type LoadReport } from './loadgen.js';

const HELP = `usage: node loadgen.js --url <service base url> [--rate <req/s>] [--duration <s>] [options]

  --url <url>          base URL of the dhash service (required), e.g. http://127.0.0.1:8080
  --rate <n>           requests per second offered, open loop (default 10)
  --duration <s>       seconds to run; 0 = until SIGINT/SIGTERM (default 30)
  --mix <shares>       e.g. known=0.5,near=0.3,unfamiliar=0.18,corrupt=0.02 (the default)
  --timeout-ms <n>     per-request timeout (default 30000)
  --json               print the final report as JSON
  -h, --help           show this help
`;

function line(report: LoadReport): string {
  const l = report.latency;
  return `sent ${report.sent}, completed ${report.completed} in ${report.elapsed_seconds}s: achieved ${report.achieved_rate} req/s (offered ${report.offered_rate}); latency ms p50 ${l.p50_ms} p90 ${l.p90_ms} p95 ${l.p95_ms} p99 ${l.p99_ms} max ${l.max_ms}; status ${JSON.stringify(report.status_counts)}; transport errors ${report.transport_errors}`;
}

function numberFlag(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} needs a number >= ${min}, got "${value}"`);
  return n;
}

async function main(): Promise<number> {
  let flags;
  try {
    flags = parseArgs({
      options: {
        url: { type: 'string' },
        rate: { type: 'string' },
        duration: { type: 'string' },
        mix: { type: 'string' },
        'timeout-ms': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`loadgen: ${(error as Error).message}\n${HELP}`);
    return 2;
  }
  if (flags.help) {
    process.stdout.write(HELP);
    return 0;
  }
  let options;
  try {
    if (!flags.url) throw new Error('--url is required');
    const url = new URL(flags.url);
    if (url.protocol !== 'http:') throw new Error(`--url must be an http:// URL, got "${flags.url}"`);
    options = {
      url: flags.url,
      rate: numberFlag(flags.rate, 'rate', 10, 0.001),
      durationSeconds: numberFlag(flags.duration, 'duration', 30, 0),
      mix: flags.mix ? parseMix(flags.mix) : undefined,
      timeoutMs: numberFlag(flags['timeout-ms'], 'timeout-ms', 30_000, 1),
    };
  } catch (error) {
    process.stderr.write(`loadgen: ${(error as Error).message}\n${HELP}`);
    return 2;
  }
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      controller.abort();
    });
  process.stderr.write(
    `loadgen: offering ${options.rate} req/s to ${options.url} for ${options.durationSeconds || 'until stopped'}${options.durationSeconds ? ' s' : ''}\n`,
  );
  const report = await runLoad({
    ...options,
    signal: controller.signal,
    onProgress: (snapshot) => process.stderr.write(`loadgen: ${line(snapshot)}\n`),
  });
  process.stdout.write(flags.json ? `${JSON.stringify(report)}\n` : `${line(report)}\n`);
  return 0;
}

// Importing this file (e.g. the bundled loadgen.js) gives runLoad without running the command.
export { runLoad, type LoadOptions, type LoadReport } from './loadgen.js';
export { DEFAULT_MIX, parseMix, type Mix } from './image-mix.js';

function isEntryPoint(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`loadgen: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
