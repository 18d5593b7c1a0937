// Shared by the seed-compatible Node wrappers: runs `dhash-rollout <command>` from this checkout's
// bundle (dist/cli.js) with the wrapper's arguments, in this very process, as `exec` would in a
// shell script. There is no child to orphan: SIGINT / SIGTERM sent to the wrapper reach the CLI,
// which writes its records (evidence, report, log line) and exits 130 / 143; the exit code is
// the CLI's own.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export async function runCliCommand(command, wrapperUrl) {
  const name = basename(fileURLToPath(wrapperUrl));
  const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
  if (!existsSync(cli)) {
    process.stderr.write(`${name}: ${cli} not found; run 'npm run build' first\n`);
    process.exit(2);
  }
  process.argv = [process.argv[0], cli, command, ...process.argv.slice(2)];
  await import(pathToFileURL(cli).href);
}
