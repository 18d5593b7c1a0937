import { processIo } from './io.js';
import { runCli } from './program.js';
import { onInterrupt } from '../runtime/interrupt.js';

// The bin entry: translate the result into the process exit code and nothing more.
// A reader that goes away (`dhash-rollout --help | head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
// SIGINT / SIGTERM become an AbortSignal: commands write their records and return, and the exit
// code is 130 / 143; a second signal ends the process at once.
const interrupt = onInterrupt();
const code = await runCli(process.argv.slice(2), { ...processIo(), signal: interrupt.signal });
interrupt.dispose();
process.exitCode = code;
