import { processIo } from './io.js';
import { onInterrupt } from '../runtime/interrupt.js';
import { toolVersion } from '../runtime/package-root.js';
import { processOutput, whenStreamCreated } from '../runtime/process-output.js';

// The bin entry: translate the result into the process exit code and nothing more.
// stdout and stderr are written directly where Node would write synchronously anyway (why:
// src/runtime/process-output.ts); the process's own streams are made only if something uses them.
const stdout = processOutput(1);
const stderr = processOutput(2);
// A reader that goes away (`dhash-rollout --help | head`) is not an error of ours.
const onOutputError = (error: NodeJS.ErrnoException): void => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
};
for (const output of [stdout, stderr]) output.on('error', onOutputError);
// Node's own streams, if a library writes to them: made later, or already the outputs above.
for (const [name, output] of [
  ['stdout', stdout],
  ['stderr', stderr],
] as const)
  whenStreamCreated(name, (stream) => {
    if (stream !== output) stream.on('error', onOutputError);
  });
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // What commander would print, without loading every command's options to say it.
  stdout.write(`${toolVersion()}\n`);
} else {
  // The program (and through it each command's module) loads after the fast path above.
  const { runCli } = await import('./program.js');
  // SIGINT / SIGTERM become an AbortSignal: commands write their records and return, and the
  // exit code is 130 / 143; a second signal ends the process at once.
  const interrupt = onInterrupt();
  const code = await runCli(argv, processIo(interrupt, { stdout, stderr }));
  interrupt.dispose();
  process.exitCode = code;
}
