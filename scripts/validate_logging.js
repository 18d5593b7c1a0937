#!/usr/bin/env node
// Seed-compatible wrapper: `node scripts/validate_logging.js --env production [--strict] ...`
// runs `dhash-rollout validate-logging` from this checkout's bundle with the same flags, and exits
// with its exit code (0 ok, 1 errors or strict warnings, 2 usage).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write(`validate_logging.js: ${cli} not found; run 'npm run build' first\n`);
  process.exit(2);
}
const child = spawnSync(process.execPath, [cli, 'validate-logging', ...process.argv.slice(2)], { stdio: 'inherit' });
if (child.error) {
  process.stderr.write(`validate_logging.js: ${child.error.message}\n`);
  process.exit(3);
}
// A child killed by a signal has no status; report it the way a shell would (128 + signal).
process.exit(child.status ?? 128 + (child.signal === 'SIGINT' ? 2 : 15));
