/**
 * Shell completion scripts, generated from the CLI's own command tree, so they never go stale:
 * `dhash-rollout completion bash|zsh|fish`. Commands and their flags complete; flags with a
 * fixed set of values (--direction up|down, completion's shells) complete those values.
 */
export interface CompletionSpec {
  program: string;
  commands: Array<{
    name: string;
    description: string;
    options: Array<{ flags: string[]; description: string; takesValue: boolean; choices?: string[] }>;
    /** Words that may follow the command (completion's shell names). */
    arguments?: string[];
  }>;
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const ident = (s: string): string => s.replace(/[^A-Za-z0-9]/g, '_');

export function completionScript(shell: Shell, spec: CompletionSpec): string {
  if (shell === 'bash') return bash(spec);
  if (shell === 'zsh') return zsh(spec);
  return fish(spec);
}

function bash(spec: CompletionSpec): string {
  const fn = `_${ident(spec.program)}_complete`;
  const cases = spec.commands
    .map((c) => {
      const words = [...c.options.flatMap((o) => o.flags), ...(c.arguments ?? [])].join(' ');
      const valueCases = c.options
        .flatMap((o) =>
          o.choices
            ? [
                `        ${o.flags.join('|')}) COMPREPLY=($(compgen -W "${o.choices.join(' ')}" -- "$cur")); return ;;`,
              ]
            : [],
        )
        .join('\n');
      return `    ${c.name})
      case "$prev" in
${valueCases}
        *) ;;
      esac
      COMPREPLY=($(compgen -W "${words}" -- "$cur")) ;;`;
    })
    .join('\n');
  return `# bash completion for ${spec.program}; load it with:
#   source <(${spec.program} completion bash)
${fn}() {
  local cur prev cmd i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) ;; *) cmd="\${COMP_WORDS[i]}"; break ;; esac
  done
  if [[ -z "$cmd" ]]; then
    COMPREPLY=($(compgen -W "${spec.commands.map((c) => c.name).join(' ')} --help --version" -- "$cur"))
    return
  fi
  case "$cmd" in
${cases}
  esac
}
complete -o default -F ${fn} ${spec.program}
`;
}

const zshQuote = (s: string): string => s.replace(/'/g, `'\\''`).replace(/[[\]:]/g, (m) => `\\${m}`);

function zsh(spec: CompletionSpec): string {
  const fn = `_${ident(spec.program)}`;
  const commandList = spec.commands.map((c) => `    '${c.name}:${zshQuote(c.description)}'`).join('\n');
  const cases = spec.commands
    .map((c) => {
      const specs = c.options.map((o) => {
        const value = o.takesValue ? `:value:${o.choices ? `(${o.choices.join(' ')})` : ''}` : '';
        const names = o.flags.length > 1 ? `{${o.flags.join(',')}}` : o.flags[0];
        return `'${names}[${zshQuote(o.description)}]${value}'`;
      });
      if (c.arguments) specs.push(`'1:shell:(${c.arguments.join(' ')})'`);
      return `    ${c.name}) _arguments ${specs.join(' ')} ;;`;
    })
    .join('\n');
  return `#compdef ${spec.program}
# zsh completion for ${spec.program}; load it with:
#   source <(${spec.program} completion zsh)    (or save it as _${spec.program} in your $fpath)
${fn}() {
  local -a commands
  commands=(
${commandList}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  local cmd=\${words[2]}
  shift words; (( CURRENT-- ))
  case $cmd in
${cases}
  esac
}
compdef ${fn} ${spec.program}
`;
}

const fishQuote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fish(spec: CompletionSpec): string {
  const p = spec.program;
  const lines = [
    `# fish completion for ${p}; load it with:`,
    `#   ${p} completion fish | source    (or save it as ~/.config/fish/completions/${p}.fish)`,
    `complete -c ${p} -f`,
  ];
  const names = spec.commands.map((c) => c.name).join(' ');
  for (const c of spec.commands)
    lines.push(
      `complete -c ${p} -n "not __fish_seen_subcommand_from ${names}" -a ${c.name} -d ${fishQuote(c.description)}`,
    );
  for (const c of spec.commands) {
    for (const o of c.options) {
      const long = o.flags.find((f) => f.startsWith('--'));
      const short = o.flags.find((f) => /^-[^-]$/.test(f));
      const parts = [`complete -c ${p} -n "__fish_seen_subcommand_from ${c.name}"`];
      if (long) parts.push(`-l ${long.slice(2)}`);
      if (short) parts.push(`-s ${short.slice(1)}`);
      if (o.takesValue) parts.push(o.choices ? `-x -a ${fishQuote(o.choices.join(' '))}` : '-r');
      parts.push(`-d ${fishQuote(o.description)}`);
      lines.push(parts.join(' '));
    }
    if (c.arguments)
      lines.push(
        `complete -c ${p} -n "__fish_seen_subcommand_from ${c.name}" -a ${fishQuote(c.arguments.join(' '))}`,
      );
  }
  return `${lines.join('\n')}\n`;
}
