import type { CompletionModel, CompletionOption } from './model.js';

// fish: one `complete` line per command and option; an option's value completes with its
// choices, or file names, or nothing (-x: a value that is not a file).

const quoted = (text: string): string => `'${text.replace(/[\\']/g, (char) => `\\${char}`)}'`;

function optionLine(program: string, condition: string, option: CompletionOption): string {
  const names = option.names.map((name) => (name.startsWith('--') ? `-l ${name.slice(2)}` : `-s ${name.slice(1)}`)).join(' ');
  const value =
    option.value === null ? '' : option.value.kind === 'choices' ? ` -x -a ${quoted(option.value.choices.join(' '))}` : option.value.kind === 'file' ? ' -r -F' : ' -x';
  return `complete -c ${program} -n ${quoted(condition)} ${names}${value} -d ${quoted(option.description)}`;
}

export function fishCompletion(model: CompletionModel): string {
  const name = model.program;
  const commandNames = model.commands.map((command) => command.name).join(' ');
  const none = `not __fish_seen_subcommand_from ${commandNames}`;
  return [
    `# ${name} completion for fish. Load it in this shell:`,
    `#   ${name} completion fish | source`,
    `# or for every shell: ${name} completion fish > ~/.config/fish/completions/${name}.fish`,
    `complete -c ${name} -f`,
    ...model.options.map((option) => optionLine(name, none, option)),
    ...model.commands.map((command) => `complete -c ${name} -n ${quoted(none)} -a ${command.name} -d ${quoted(command.description)}`),
    ...model.commands.flatMap((command) => {
      const within = `__fish_seen_subcommand_from ${command.name}`;
      return [
        ...command.options.map((option) => optionLine(name, within, option)),
        ...(command.argument?.kind === 'choices' ? [`complete -c ${name} -n ${quoted(within)} -a ${quoted(command.argument.choices.join(' '))}`] : []),
        ...(command.argument?.kind === 'file' ? [`complete -c ${name} -n ${quoted(within)} -F`] : []),
      ];
    }),
    '',
  ].join('\n');
}
