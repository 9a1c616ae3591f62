import type { CompletionModel, CompletionOption } from './model.js';

// zsh: a #compdef function built on _arguments, with each option's description and what its
// value completes with (choices, files, or a free value).

/** Text safe inside an _arguments spec: no brackets, colons or quotes, which the spec uses. */
const plain = (text: string): string => text.replace(/[[\]:'"\\`$]/g, ' ').replace(/\s+/g, ' ').trim();

function optionSpecs(option: CompletionOption): string[] {
  const value =
    option.value === null
      ? ''
      : option.value.kind === 'choices'
        ? `:${plain(option.names.at(-1) ?? '')}:(${option.value.choices.join(' ')})`
        : option.value.kind === 'file'
          ? ':file:_files'
          : `:${plain(option.names.at(-1) ?? '')}: `;
  return option.names.map((name) => `'${name}[${plain(option.description)}]${value}'`);
}

export function zshCompletion(model: CompletionModel): string {
  const name = model.program;
  const fn = `_${name}`;
  const commandList = model.commands.map((command) => `    '${command.name}:${plain(command.description)}'`);
  const commandCases = model.commands.flatMap((command) => [
    `        ${command.name})`,
    '          _arguments \\',
    ...command.options.flatMap(optionSpecs).map((spec) => `            ${spec} \\`),
    command.argument?.kind === 'choices'
      ? `            '1:argument:(${command.argument.choices.join(' ')})'`
      : command.argument?.kind === 'file'
        ? "            '1:argument:_files'"
        : "            '*:argument: '",
    '          ;;',
  ]);
  return [
    `#compdef ${name}`,
    `# ${name} completion for zsh. Load it in this shell:`,
    `#   source <(${name} completion zsh)`,
    `# or for every shell: ${name} completion zsh > "\${fpath[1]}/_${name}"`,
    `${fn}() {`,
    '  local curcontext="$curcontext" state line',
    '  local -a commands',
    '  commands=(',
    ...commandList,
    '  )',
    '  _arguments -C \\',
    ...model.options.flatMap(optionSpecs).map((spec) => `    ${spec} \\`),
    "    '1:command:->command' \\",
    "    '*::argument:->argument'",
    '  case $state in',
    "    command) _describe -t commands 'command' commands ;;",
    '    argument)',
    '      case $line[1] in',
    ...commandCases,
    '      esac',
    '      ;;',
    '  esac',
    '}',
    `if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then`,
    `  ${fn} "$@"`,
    'else',
    `  compdef ${fn} ${name}`,
    'fi',
    '',
  ].join('\n');
}
