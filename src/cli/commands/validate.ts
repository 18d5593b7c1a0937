import type { Command } from 'commander';
import { invalidResult, validateCommand } from '../../commands/validate.js';
import { DhashError } from '../../runtime/errors.js';
import { addConfigOptions, loadFromFlags, type ConfigFlags } from '../common-options.js';
import { print, type CliIo } from '../io.js';

export function registerValidate(program: Command, io: CliIo): void {
  addConfigOptions(
    program
      .command('validate')
      .description(
        'Validate the config and print the effective configuration of one environment (secrets redacted).',
      )
      .option('--json', 'print the result as JSON'),
  ).action((flags: ConfigFlags & { json?: boolean }) => {
    let result;
    try {
      result = validateCommand(loadFromFlags(flags, io));
    } catch (error) {
      // --json promises JSON on stdout, for a bad file too; the exit code stays the error's.
      if (flags.json && error instanceof DhashError) print(io, JSON.stringify(invalidResult(error), null, 2));
      throw error;
    }
    if (flags.json) {
      print(io, JSON.stringify(result, null, 2));
      return;
    }
    print(io, `✔ ${result.source} is valid (environments: ${result.environments.join(', ')})`);
    print(io, `Effective configuration for "${result.environment}":`);
    print(io, JSON.stringify(result.effective, null, 2));
    for (const warning of result.warnings) io.stderr.write(`warning: ${warning}\n`);
  });
}
