import { Command, CommanderError } from 'commander';
import { DhashError, exitCodeOf, messageOf } from '../runtime/errors.js';
import { OffTargetHostError } from '../config/target-host.js';
import { ExitCode } from '../runtime/exit-codes.js';
import { closeHttpAgents } from '../runtime/http.js';
import { toolVersion } from '../runtime/package-root.js';
import { interruptionIn, type CliIo } from './io.js';
import { packagedConfigNote } from './common-options.js';

type Registration = (program: Command, io: CliIo) => void;

/**
 * Each command module adds itself here; one line per command. A command's module (its options
 * and help, and through its action the implementation) is imported only when the program needs
 * it: running one command loads that command's module alone, so `validate` starts without the
 * SQL engines, the SMTP client, the GitHub client or the demo. The order is the order of --help.
 */
const COMMAND_MODULES: Record<string, () => Promise<Registration>> = {
  validate: async () => (await import('./commands/validate.js')).registerValidate,
  'config-schema': async () => (await import('./commands/config-schema.js')).registerConfigSchema,
  smoke: async () => (await import('./commands/smoke.js')).registerSmoke,
  'validate-logging': async () => (await import('./commands/validate-logging.js')).registerValidateLogging,
  notify: async () => (await import('./commands/notify.js')).registerNotify,
  'deploy-notify': async () => (await import('./commands/deploy-notify.js')).registerDeployNotify,
  monitor: async () => (await import('./commands/monitor.js')).registerMonitor,
  deploy: async () => (await import('./commands/deploy.js')).registerDeploy,
  migrate: async () => (await import('./commands/migrate.js')).registerMigrate,
  backup: async () => (await import('./commands/backup.js')).registerBackup,
  rollback: async () => (await import('./commands/rollback.js')).registerRollback,
  rollout: async () => (await import('./commands/rollout.js')).registerRollout,
  demo: async () => (await import('./commands/demo.js')).registerDemo,
  evidence: async () => (await import('./commands/evidence.js')).registerEvidence,
  rehearse: async () => (await import('./commands/rehearse.js')).registerRehearse,
  // The completion script lists every command, so it is built from the whole program.
  completion: async () => (await import('./commands/completion.js')).registerCompletion,
};

/**
 * The one command argv runs, when the program can run it with that command's module alone: the
 * first word that is not a program option (the program's options take no value). The program's
 * own help, `help <command>`, the completion script and an unknown name (commander suggests the
 * nearest) need every command, so they get undefined.
 */
export function soleCommandOf(argv: readonly string[]): string | undefined {
  const name = argv.find((arg) => !arg.startsWith('-'));
  if (name === undefined || name === 'help' || name === 'completion') return undefined;
  return Object.hasOwn(COMMAND_MODULES, name) ? name : undefined;
}

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

/** The program with every command, or with only `only` when that is the command to run. */
export async function buildProgram(io: CliIo, only?: string): Promise<Command> {
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
  const names = only === undefined ? Object.keys(COMMAND_MODULES) : [only];
  // One after another: jest's ESM loader fails on concurrent imports that share modules.
  // `only` is a key of COMMAND_MODULES (soleCommandOf checked it).
  for (const name of names) (await COMMAND_MODULES[name]())(program, io);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/**
 * Every command's --help ends with its exit codes: a command whose own help text has none gets
 * the general table. Rendered only when help is asked for, so a normal start pays nothing.
 */
function addMissingExitCodes(program: Command): void {
  for (const command of program.commands) {
    // Subcommands (backup list, backup verify, ...) are asked for help the same way.
    addMissingExitCodes(command);
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
  const program = await buildProgram(io, soleCommandOf(argv));
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') addMissingExitCodes(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    const interruption = interruptionIn(io);
    if (interruption && io.exitCode !== interruption.exitCode) {
      io.stderr.write(`${interruption.message}: the command finished what it had under way and stopped\n`);
      return interruption.exitCode;
    }
    return io.exitCode;
  } catch (error) {
    const interruption = interruptionIn(io);
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
    // The off-host refusal names the config it read in its one line.
    const note =
      error instanceof DhashError && !(error instanceof OffTargetHostError) ? packagedConfigNote(io) : null;
    if (error instanceof DhashError && !verbose) {
      io.stderr.write(`error: ${messageOf(error)}\n${note ? `${note}\n` : ''}`);
    } else if (code === ExitCode.internal) {
      io.stderr.write(`internal error: ${messageOf(error)}\n`);
      if (verbose) io.stderr.write(`${(error as Error | null | undefined)?.stack ?? ''}\n`);
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
