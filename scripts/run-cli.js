// Shared by the seed-compatible Node wrappers: runs `dhash-rollout <command>` from this checkout's
// bundle (dist/cli.js) with the wrapper's arguments and exits with the CLI's exit code.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function runCliCommand(command, wrapperUrl) {
  const name = basename(fileURLToPath(wrapperUrl));
  const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
  if (!existsSync(cli)) {
    process.stderr.write(`${name}: ${cli} not found; run 'npm run build' first\n`);
    process.exit(2);
  }
  const child = spawnSync(process.execPath, [cli, command, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (child.error) {
    process.stderr.write(`${name}: ${child.error.message}\n`);
    process.exit(3);
  }
  // A child killed by a signal has no status; report it the way a shell would (128 + signal).
  process.exit(child.status ?? 128 + (child.signal === 'SIGINT' ? 2 : 15));
}
