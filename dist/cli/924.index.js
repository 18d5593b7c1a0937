"use strict";
(function (__dhashImportMetaUrl) {
return { id: 924, ids: [924], modules: {

/***/ 6924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerCompletion: () => (/* binding */ registerCompletion),
  specOf: () => (/* binding */ specOf)
});

// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(8179);
;// CONCATENATED MODULE: ./src/cli/completion-script.ts
const SHELLS = ['bash', 'zsh', 'fish'];
const ident = (s) => s.replace(/[^A-Za-z0-9]/g, '_');
function completionScript(shell, spec) {
    if (shell === 'bash')
        return bash(spec);
    if (shell === 'zsh')
        return zsh(spec);
    return fish(spec);
}
function bash(spec) {
    const fn = `_${ident(spec.program)}_complete`;
    const cases = spec.commands
        .map((c) => {
        const words = [...c.options.flatMap((o) => o.flags), ...(c.arguments ?? [])].join(' ');
        const valueCases = c.options
            .flatMap((o) => o.choices
            ? [
                `        ${o.flags.join('|')}) COMPREPLY=($(compgen -W "${o.choices.join(' ')}" -- "$cur")); return ;;`,
            ]
            : [])
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
const zshQuote = (s) => s.replace(/'/g, `'\\''`).replace(/[[\]:]/g, (m) => `\\${m}`);
function zsh(spec) {
    const fn = `_${ident(spec.program)}`;
    const commandList = spec.commands.map((c) => `    '${c.name}:${zshQuote(c.description)}'`).join('\n');
    const cases = spec.commands
        .map((c) => {
        const specs = c.options.map((o) => {
            const value = o.takesValue ? `:value:${o.choices ? `(${o.choices.join(' ')})` : ''}` : '';
            const names = o.flags.length > 1 ? `{${o.flags.join(',')}}` : o.flags[0];
            return `'${names}[${zshQuote(o.description)}]${value}'`;
        });
        if (c.arguments)
            specs.push(`'1:shell:(${c.arguments.join(' ')})'`);
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
const fishQuote = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
function fish(spec) {
    const p = spec.program;
    const lines = [
        `# fish completion for ${p}; load it with:`,
        `#   ${p} completion fish | source    (or save it as ~/.config/fish/completions/${p}.fish)`,
        `complete -c ${p} -f`,
    ];
    const names = spec.commands.map((c) => c.name).join(' ');
    for (const c of spec.commands)
        lines.push(`complete -c ${p} -n "not __fish_seen_subcommand_from ${names}" -a ${c.name} -d ${fishQuote(c.description)}`);
    for (const c of spec.commands) {
        for (const o of c.options) {
            const long = o.flags.find((f) => f.startsWith('--'));
            const short = o.flags.find((f) => /^-[^-]$/.test(f));
            const parts = [`complete -c ${p} -n "__fish_seen_subcommand_from ${c.name}"`];
            if (long)
                parts.push(`-l ${long.slice(2)}`);
            if (short)
                parts.push(`-s ${short.slice(1)}`);
            if (o.takesValue)
                parts.push(o.choices ? `-x -a ${fishQuote(o.choices.join(' '))}` : '-r');
            parts.push(`-d ${fishQuote(o.description)}`);
            lines.push(parts.join(' '));
        }
        if (c.arguments)
            lines.push(`complete -c ${p} -n "__fish_seen_subcommand_from ${c.name}" -a ${fishQuote(c.arguments.join(' '))}`);
    }
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
;// CONCATENATED MODULE: ./src/cli/commands/completion.ts



const HELP = `
Prints a completion script for your shell; load it with:
  bash:  source <(dhash-rollout completion bash)     (e.g. in ~/.bashrc)
  zsh:   source <(dhash-rollout completion zsh)      (after compinit, e.g. in ~/.zshrc)
  fish:  dhash-rollout completion fish | source      (or save it in ~/.config/fish/completions/)

Exit codes: 0 printed, 2 unknown shell.`;
/** Flag values worth completing; everything else is free text or a path. */
const CHOICES = { '--direction': ['up', 'down'] };
function registerCompletion(program, io) {
    program
        .command('completion')
        .description('Print a shell completion script (bash, zsh or fish).')
        .addArgument(new esm/* Argument */.ef('<shell>', 'bash, zsh or fish').choices(SHELLS))
        .addHelpText('after', HELP)
        .action((shell) => {
        (0,cli_io/* print */.yy)(io, completionScript(shell, specOf(program)));
    });
}
function specOf(program) {
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
                    flags: [o.short, o.long].filter((f) => !!f),
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


/***/ })

} };
})
