import type { Command, Option } from 'commander';
import { allRequestFields } from '../../schema/request-fields-all.js';
import { requestSpecs } from '../commands/request-specs.js';

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
  /** What the command's first argument completes with (`schema <command>`, `check <file>`), or null. */
  readonly argument: ValueKind | null;
}

export interface CompletionModel {
  readonly program: string;
  readonly options: readonly CompletionOption[];
  readonly commands: readonly CompletionCommand[];
}

/** Placeholders that name a file. */
const FILE_PLACEHOLDERS: ReadonlySet<string> = new Set(['file', 'path']);

const choices = (list: readonly string[]): ValueKind => ({ kind: 'choices', choices: list });
const FREE: ValueKind = { kind: 'free' };
const FILE: ValueKind = { kind: 'file' };

/** The long name of an option's flags: `--weight-basis` of `--weight-basis <total|ideal|adjusted>`. */
export const longName = (flags: string): string => /--[a-z][a-z-]*/.exec(flags)?.[0] ?? flags;

/**
 * Values an option takes that neither its choices nor its placeholder list (by long name): a
 * request field's as the field says (schema/request-field.ts), and the output options'.
 */
const OPTION_VALUES: Readonly<Record<string, () => ValueKind>> = {
  ...Object.fromEntries(allRequestFields.flatMap((field) => (field.completion ? [[longName(field.flag), () => field.completion as ValueKind]] : []))),
  '--tz': () => choices(['floating', ...Intl.supportedValuesOf('timeZone')]),
};

/** What a command's argument completes with, where commander has no choices for it. */
const ARGUMENT_VALUES: Readonly<Record<string, () => ValueKind>> = {
  // A regimen is free text; a schedule is a .json file.
  check: () => FILE,
  schema: () => choices(requestSpecs.map((spec) => spec.name)),
};

/** `<tid|qid>`: a choice of plain words, completed like commander's own choices. */
function placeholderChoices(flags: string): readonly string[] | null {
  const placeholder = /[<[]([^>\]]+)[>\]]/.exec(flags)?.[1] ?? '';
  const words = placeholder.split('|');
  return words.length > 1 && words.every((word) => /^[a-z][a-z-]*$/.test(word)) ? words : null;
}

function valueOf(option: Option): ValueKind | null {
  if (!option.required && !option.optional) return null;
  if (option.argChoices) return { kind: 'choices', choices: option.argChoices };
  const known = option.long === undefined ? undefined : OPTION_VALUES[option.long];
  if (known) return known();
  const words = placeholderChoices(option.flags);
  if (words) return { kind: 'choices', choices: words };
  const placeholder = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1] ?? '';
  return FILE_PLACEHOLDERS.has(placeholder) ? FILE : FREE;
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

function argumentOf(command: Command): ValueKind | null {
  const known = ARGUMENT_VALUES[command.name()];
  if (known) return known();
  const argChoices = command.registeredArguments[0]?.argChoices;
  return argChoices ? choices(argChoices) : null;
}

export function completionModel(program: Command): CompletionModel {
  return {
    program: program.name(),
    options: optionsOf(program),
    commands: program.commands.map((command) => ({
      name: command.name(),
      description: brief(command.description()),
      options: optionsOf(command),
      argument: argumentOf(command),
    })),
  };
}
