import { Help, type Command } from 'commander';
import { toAscii } from '../render/text/ascii.js';
import { displayWidth, pad } from '../render/text/display-width.js';
import { wrapHanging, wrapLines } from '../render/text/wrap.js';

/** How help is laid out: the width it fits, and whether it is plain ASCII. */
export interface HelpLayout {
  readonly width: number;
  readonly ascii: boolean;
}

/** One example: a command line, and what it prints or does. */
export interface Example {
  readonly command: string;
  readonly says: string;
}

const ITEM_INDENT = 2;
const SPACER = 2;
/** Below this many columns for descriptions, an item's description goes under its term. */
const NARROWEST_DESCRIPTION = 30;
/** How far a description under its term, or a continued command line, is indented. */
const UNDER = 6;

/**
 * An item of a help list (`--start <yyyy-MM-dd>  first day…`): the term and its description side
 * by side, the description wrapped; when that leaves the description too little room, the
 * description goes on the lines under the term instead.
 */
function formatItem(layout: HelpLayout, term: string, termWidth: number, description: string): string {
  const lead = ' '.repeat(ITEM_INDENT);
  if (description === '') return lead + term;
  const room = layout.width - ITEM_INDENT - termWidth - SPACER;
  if (room >= NARROWEST_DESCRIPTION) {
    const [first = '', ...rest] = wrapLines(description, room);
    const hang = ' '.repeat(ITEM_INDENT + termWidth + SPACER);
    return [lead + pad(term, termWidth, 'left') + ' '.repeat(SPACER) + first, ...rest.map((line) => hang + line)].join('\n');
  }
  const under = ' '.repeat(UNDER);
  return [...wrapLines(lead + term, layout.width), ...wrapLines(description, layout.width - UNDER).map((line) => under + line)].join('\n');
}

/**
 * Commander's help laid out to fit the width: its items with formatItem, its paragraphs wrapped
 * at words, and in ASCII when output is plain; a subcommand listed by the term `termOf` gives for
 * its name, when it gives one (else by commander's, which needs the command built). Set on the
 * program before its commands are added, so they inherit it.
 */
export function configureHelpLayout(program: Command, context: { readonly help: HelpLayout }, termOf: (name: string) => string | undefined): void {
  const plain = (text: string) => (context.help.ascii ? toAscii(text) : text);
  program.configureHelp({
    // A getter: commander copies the configuration when it makes help, so the terminal is asked
    // only then, not on every run.
    get helpWidth() {
      return context.help.width;
    },
    formatItem: (term, termWidth, description) => formatItem(context.help, plain(term), termWidth, plain(description)),
    boxWrap: (text, width) => wrapLines(plain(text), width).join('\n'),
    displayWidth: (text) => displayWidth(plain(text)),
    subcommandTerm(this: Help, command) {
      return termOf(command.name()) ?? Help.prototype.subcommandTerm.call(this, command);
    },
  });
}

/** How much further a continued command line is indented. */
const CONTINUED = 2;

/**
 * A shell command line that fits the width: broken before an option with a ` \` continuation
 * when it must be, so it still runs when pasted.
 */
export function fitCommandLine(line: string, width: number, indent: number): string[] {
  const lines: string[] = [];
  let current = '';
  const leadOf = () => indent + (lines.length === 0 ? 0 : CONTINUED);
  for (const word of line.split(/ (?=--?[a-z])/)) {
    const joined = current === '' ? word : `${current} ${word}`;
    // Room for the ` \` that would end the line.
    if (current !== '' && leadOf() + displayWidth(joined) + 2 > width) {
      lines.push(' '.repeat(leadOf()) + `${current} \\`);
      current = word;
    } else current = joined;
  }
  lines.push(' '.repeat(leadOf()) + current);
  return lines;
}

/** An `Examples:` section: each command line (`$ titrate …`), and under it what it does, wrapped. */
export function examplesSection(examples: readonly Example[], layout: HelpLayout): string {
  const plain = (text: string) => (layout.ascii ? toAscii(text) : text);
  const items = examples.map((example) =>
    [...fitCommandLine(`$ ${example.command}`, layout.width, ITEM_INDENT), ...wrapLines(plain(example.says), layout.width - UNDER).map((line) => ' '.repeat(UNDER) + line)].join('\n'),
  );
  return ['Examples:', ...items].join('\n');
}

/** A titled list of items (`Formats:` and each format with what it is for), laid out as commander's lists are. */
export function itemsSection(title: string, items: readonly (readonly [term: string, description: string])[], layout: HelpLayout): string {
  const plain = (text: string) => (layout.ascii ? toAscii(text) : text);
  const termWidth = Math.max(0, ...items.map(([term]) => displayWidth(plain(term))));
  return [title, ...items.map(([term, description]) => formatItem(layout, plain(term), termWidth, plain(description)))].join('\n');
}

/** A titled paragraph of help, wrapped (`Exit status: …`), or an untitled one. */
export function helpParagraph(text: string, layout: HelpLayout): string {
  return wrapHanging(layout.ascii ? toAscii(text) : text, layout.width, ITEM_INDENT);
}
