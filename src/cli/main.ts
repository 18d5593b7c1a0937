import { processIo } from './io.js';
import { onInterrupt } from '../runtime/interrupt.js';
import { toolVersion } from '../runtime/package-root.js';

// The bin entry: translate the result into the process exit code and nothing more.
// A reader that goes away (`dhash-rollout --help | head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // What commander would print, without loading every command's options to say it.
  process.stdout.write(`${toolVersion()}\n`);
} else {
  // The program (and through it each command's module) loads after the fast path above.
  const { runCli } = await import('./program.js');
  // SIGINT / SIGTERM become an AbortSignal: commands write their records and return, and the
  // exit code is 130 / 143; a second signal ends the process at once.
  const interrupt = onInterrupt();
  const code = await runCli(argv, processIo(interrupt));
  interrupt.dispose();
  process.exitCode = code;
}
