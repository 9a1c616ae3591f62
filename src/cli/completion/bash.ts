import type { CompletionModel, CompletionOption } from './model.js';

// Bash: a function for `complete -F`. The command is the first word that names one; the word
// before the cursor, when it is an option taking a value, decides what completes (its choices,
// file names, or nothing to offer); otherwise the command's options, or the commands.

const words = (list: readonly string[]): string => list.join(' ');

/** Shell-quoted for a single-quoted word. */
const quoted = (text: string): string => `'${text.replaceAll("'", "'\\''")}'`;

function valueCases(options: readonly CompletionOption[], indent: string): string[] {
  const lines: string[] = [];
  for (const option of options) {
    if (option.value === null) continue;
    const pattern = option.names.join('|');
    const action =
      option.value.kind === 'choices'
        ? `COMPREPLY=($(compgen -W ${quoted(words(option.value.choices))} -- "$cur"))`
        : option.value.kind === 'file'
          ? 'compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))'
          : 'COMPREPLY=()';
    lines.push(`${indent}${pattern}) ${action}; return ;;`);
  }
  return lines;
}

export function bashCompletion(model: CompletionModel): string {
  const name = model.program;
  const fn = `_${name}_completion`;
  const commandNames = model.commands.map((command) => command.name);
  const commandCases = model.commands.flatMap((command) => [
    `    ${command.name})`,
    '      case "$prev" in',
    ...valueCases(command.options, '        '),
    '      esac',
    ...(command.argument?.kind === 'choices'
      ? [`      [[ "$cur" != -* ]] && { COMPREPLY=($(compgen -W ${quoted(words(command.argument.choices))} -- "$cur")); return; }`]
      : command.argument?.kind === 'file'
        ? ['      [[ "$cur" != -* ]] && { compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return; }']
        : []),
    `      COMPREPLY=($(compgen -W ${quoted(words(command.options.flatMap((option) => option.names)))} -- "$cur")) ;;`,
  ]);
  return [
    `# ${name} completion for bash. Load it in this shell:`,
    `#   source <(${name} completion bash)`,
    `# or for every shell: ${name} completion bash > ~/.local/share/bash-completion/completions/${name}`,
    `${fn}() {`,
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" command="" i',
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    case "${COMP_WORDS[i]}" in',
    `      ${commandNames.join('|')}) command="\${COMP_WORDS[i]}"; break ;;`,
    '    esac',
    '  done',
    '  case "$command" in',
    '    "")',
    `      COMPREPLY=($(compgen -W ${quoted(words([...commandNames, ...model.options.flatMap((option) => option.names)]))} -- "$cur")) ;;`,
    ...commandCases,
    '  esac',
    '}',
    `complete -F ${fn} ${name}`,
    '',
  ].join('\n');
}
