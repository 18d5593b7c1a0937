import { Argument, type Command } from 'commander';
import { completionScript, SHELLS, type CompletionSpec, type Shell } from '../completion-script.js';
import { print, type CliIo } from '../io.js';

const HELP = `
Prints a completion script for your shell; load it with:
  bash:  source <(dhash-rollout completion bash)     (e.g. in ~/.bashrc)
  zsh:   source <(dhash-rollout completion zsh)      (after compinit, e.g. in ~/.zshrc)
  fish:  dhash-rollout completion fish | source      (or save it in ~/.config/fish/completions/)

Exit codes: 0 printed, 2 unknown shell.`;

/** Flag values worth completing; everything else is free text or a path. */
const CHOICES: Partial<Record<string, string[]>> = { '--direction': ['up', 'down'] };

export function registerCompletion(program: Command, io: CliIo): void {
  program
    .command('completion')
    .description('Print a shell completion script (bash, zsh or fish).')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .addHelpText('after', HELP)
    .action((shell: Shell) => {
      print(io, completionScript(shell, specOf(program)));
    });
}

export function specOf(program: Command): CompletionSpec {
  return {
    program: program.name(),
    commands: program.commands.map((c) => ({
      name: c.name(),
      description: c.description(),
      options: [
        // Hidden options are deprecated names (monitor --release): not offered.
        ...c.options
          .filter((o) => !o.hidden)
          .map((o) => ({
            flags: [o.short, o.long].filter((f): f is string => !!f),
            description: o.description,
            takesValue: o.required || o.optional,
            ...(o.long && CHOICES[o.long] ? { choices: CHOICES[o.long] } : {}),
          })),
        { flags: ['-h', '--help'], description: 'show help', takesValue: false },
      ],
      ...(c.name() === 'completion' ? { arguments: [...SHELLS] } : {}),
    })),
  };
}
