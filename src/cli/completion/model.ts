import type { Command, Option } from 'commander';

// Shell completion is generated from the program itself (its commands, their options and the
// choices those take), so a new option or format completes without anyone touching a script.

/** What a value of an option is completed with. */
export type ValueKind = { readonly kind: 'choices'; readonly choices: readonly string[] } | { readonly kind: 'file' } | { readonly kind: 'free' };

export interface CompletionOption {
  /** `--format`, and `-o` beside `--output`. */
  readonly names: readonly string[];
  readonly description: string;
  /** null for a flag. */
  readonly value: ValueKind | null;
}

export interface CompletionCommand {
  readonly name: string;
  readonly description: string;
  readonly options: readonly CompletionOption[];
  /** Choices for the command's first argument (`schema <command>`, `completion <shell>`). */
  readonly argumentChoices: readonly string[];
}

export interface CompletionModel {
  readonly program: string;
  readonly options: readonly CompletionOption[];
  readonly commands: readonly CompletionCommand[];
}

/** Placeholders that name a file. */
const FILE_PLACEHOLDERS: ReadonlySet<string> = new Set(['file']);

/** `<tid|qid>`: a choice of plain words, completed like commander's own choices. */
function placeholderChoices(flags: string): readonly string[] | null {
  const placeholder = /[<[]([^>\]]+)[>\]]/.exec(flags)?.[1] ?? '';
  const words = placeholder.split('|');
  return words.length > 1 && words.every((word) => /^[a-z][a-z-]*$/.test(word)) ? words : null;
}

function valueOf(option: Option): ValueKind | null {
  if (!option.required && !option.optional) return null;
  if (option.argChoices) return { kind: 'choices', choices: option.argChoices };
  const words = placeholderChoices(option.flags);
  if (words) return { kind: 'choices', choices: words };
  const placeholder = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1] ?? '';
  return FILE_PLACEHOLDERS.has(placeholder) ? { kind: 'file' } : { kind: 'free' };
}

/** The first sentence of a description, for a shell's one-line menu. */
const brief = (text: string): string => text.split(/[;(]/)[0]?.trim() ?? '';

function optionsOf(command: Command): CompletionOption[] {
  const options = command.options.map((option) => ({
    names: [option.short, option.long].filter((name): name is string => typeof name === 'string'),
    description: brief(option.description),
    value: valueOf(option),
  }));
  return [...options, { names: ['-h', '--help'], description: 'display help for command', value: null }];
}

export function completionModel(program: Command): CompletionModel {
  return {
    program: program.name(),
    options: optionsOf(program),
    commands: program.commands.map((command) => ({
      name: command.name(),
      description: brief(command.description()),
      options: optionsOf(command),
      argumentChoices: command.registeredArguments[0]?.argChoices ?? [],
    })),
  };
}
