import { Command, CommanderError } from 'commander';
import { DhashError, exitCodeOf, messageOf } from '../runtime/errors.js';
import { ExitCode } from '../runtime/exit-codes.js';
import { closeHttpAgents } from '../runtime/http.js';
import { interruptionOf } from '../runtime/interrupt.js';
import { toolVersion } from '../runtime/package-root.js';
import { registerConfigSchema } from './commands/config-schema.js';
import { registerValidate } from './commands/validate.js';
import { registerSmoke } from './commands/smoke.js';
import { registerValidateLogging } from './commands/validate-logging.js';
import { registerNotify } from './commands/notify.js';
import { registerDeployNotify } from './commands/deploy-notify.js';
import { registerMonitor } from './commands/monitor.js';
import { registerDeploy } from './commands/deploy.js';
import { registerMigrate } from './commands/migrate.js';
import { registerBackup } from './commands/backup.js';
import { registerRollback } from './commands/rollback.js';
import { registerRollout } from './commands/rollout.js';
import { registerDemo } from './commands/demo.js';
import { registerEvidence } from './commands/evidence.js';
import { registerRehearse } from './commands/rehearse.js';
import { registerCompletion } from './commands/completion.js';
import type { CliIo } from './io.js';
import { packagedConfigNote } from './common-options.js';

/** Each command module adds itself here; one line per command. */
const REGISTRATIONS: Array<(program: Command, io: CliIo) => void> = [
  registerValidate,
  registerConfigSchema,
  registerSmoke,
  registerValidateLogging,
  registerNotify,
  registerDeployNotify,
  registerMonitor,
  registerDeploy,
  registerMigrate,
  registerBackup,
  registerRollback,
  registerRollout,
  registerDemo,
  registerEvidence,
  registerRehearse,
  registerCompletion,
];

const EXIT_CODES_HELP = `
Exit codes:
  0   success                         1   the operation failed
  2   usage or config error           3   internal error (a bug)
  4   refused (lock held, confirmation needed)
  5   a notification was neither delivered nor stored: printed whole on stderr
  10  monitoring ended with alerts    11  rolled back
  12  rollback failed (or the wrong release is live after it)
  13  monitoring inconclusive (a gate had no data for too long; never a pass)
  14  monitoring preempted by a manual rollback of the environment
  130 / 143  interrupted by SIGINT / SIGTERM (evidence and report written)`;

export function buildProgram(io: CliIo): Command {
  const program = new Command('dhash-rollout')
    .description('Guarded production rollouts for the dhash service.')
    .version(toolVersion(), '-V, --version')
    // Program options only before the command name, so `deploy-notify --version 1.4.2` reaches the command.
    .enablePositionalOptions()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  for (const register of REGISTRATIONS) register(program, io);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/**
 * Every command's --help ends with its exit codes: a command whose own help text has none gets
 * the general table. Rendered only when help is asked for, so a normal start pays nothing.
 */
function addMissingExitCodes(program: Command): void {
  for (const command of program.commands) {
    let text = '';
    const output = command.configureOutput();
    command.configureOutput({ ...output, writeOut: (s) => (text += s), writeErr: (s) => (text += s) });
    command.outputHelp();
    command.configureOutput(output);
    if (!/Exit codes/i.test(text)) command.addHelpText('after', EXIT_CODES_HELP);
  }
}

/** Runs the CLI and returns its exit code; never calls process.exit. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  io.exitCode = ExitCode.ok;
  const program = buildProgram(io);
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') addMissingExitCodes(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    const interruption = interruptionOf(io.signal);
    if (interruption && io.exitCode !== interruption.exitCode) {
      io.stderr.write(`${interruption.message}: the command finished what it had under way and stopped\n`);
      return interruption.exitCode;
    }
    return io.exitCode;
  } catch (error) {
    const interruption = interruptionOf(io.signal);
    if (interruption) {
      io.stderr.write(`${interruption.message}: ${messageOf(error)}\n`);
      return interruption.exitCode;
    }
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return ExitCode.ok;
      return ExitCode.usage;
    }
    const code = exitCodeOf(error);
    const note = error instanceof DhashError ? packagedConfigNote(io) : null;
    if (error instanceof DhashError && !verbose) {
      io.stderr.write(`error: ${messageOf(error)}\n${note ? `${note}\n` : ''}`);
    } else if (code === ExitCode.internal) {
      io.stderr.write(`internal error: ${messageOf(error)}\n`);
      if (verbose) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
      else io.stderr.write('(run with --verbose for the stack trace; please report it)\n');
    } else {
      io.stderr.write(
        `error: ${messageOf(error)}\n${note ? `${note}\n` : ''}${(error as Error).stack ?? ''}\n`,
      );
    }
    return code;
  } finally {
    await closeHttpAgents();
  }
}
