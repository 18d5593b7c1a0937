import { writeSync } from 'node:fs';
import { processIo } from './io.js';
import { ExitCode } from '../runtime/exit-codes.js';
import { onInterrupt } from '../runtime/interrupt.js';
import { toolVersion } from '../runtime/package-root.js';
import { processOutput, whenStreamCreated, type Output } from '../runtime/process-output.js';

// The bin entry: translate the result into the process exit code and nothing more.
const argv = process.argv.slice(2);
// Commands that answer at once and exit write stdout and stderr directly where Node would write
// synchronously anyway (why: src/runtime/process-output.ts): start-up is most of their time, and
// a reader that does not read only delays an exit that would wait for it all the same. Commands
// that run for long keep Node's streams, which queue output for a slow reader (a pager, a stalled
// log collector) instead of stopping the event loop, and with it a watch's timers.
const QUICK_COMMANDS = ['validate', 'config-schema', 'completion', 'help'];
const command = argv.find((arg) => !arg.startsWith('-'));
const quick = command === undefined || QUICK_COMMANDS.includes(command);
const stdout: Output = quick ? processOutput(1) : process.stdout;
const stderr: Output = quick ? processOutput(2) : process.stderr;
// A reader that goes away (`dhash-rollout --help | head`) is not an error of ours. Any other
// failure to write (a full disk or device under a redirection) is one line, not a crash.
const onOutputError = (error: NodeJS.ErrnoException): void => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  try {
    writeSync(2, `error: cannot write the output: ${error.message}\n`);
  } catch {
    // stderr is what failed: the exit code is all that is left to say it.
  }
  process.exit(ExitCode.failed);
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
