import { InternalError } from '../../engine/internal-error.js';
import { csv } from './csv.js';
import { fhir } from './fhir.js';
import type { Format, Renderer, ResultKind, Results } from './format.js';
import { handoutMd } from './handout-md.js';
import { html } from './html.js';
import { ics } from './ics.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { table } from './table.js';
import type { RenderOptions } from '../render-options.js';

/**
 * Every output format, once. A new format is its module and one line here: the CLI's --format
 * choices, each command's help and `titrate schema` follow from this list.
 */
export const formats: readonly Format[] = [
  table,
  json,
  csv,
  markdown,
  html,
  handoutMd,
  ics,
  fhir,
];

/**
 * The formats that render a kind of result, in the order above.
 *
 * @example
 * ```ts
 * import { formatsFor } from 'titrate';
 * console.log(formatsFor('check').map((format) => format.name)); // [ 'table', 'json', 'csv', 'markdown' ]
 * ```
 */
export function formatsFor(kind: ResultKind): Format[] {
  return formats.filter((format) => format.render[kind] !== undefined);
}

/**
 * The format of that name, if any.
 *
 * @example
 * ```ts
 * import { findFormat } from 'titrate';
 * console.log(findFormat('ics')?.summary);
 * ```
 */
export function findFormat(name: string): Format | undefined {
  return formats.find((format) => format.name === name);
}

/** Renders a result in a format; throws when the format does not render that kind (the CLI offers only those that do). */
export function renderAs<K extends ResultKind>(formatName: string, kind: K, result: Results[K], options: RenderOptions): string {
  const renderer = findFormat(formatName)?.render[kind] as Renderer<K> | undefined;
  if (!renderer) throw new InternalError(`no ${formatName} format for ${kind} results`);
  return renderer(result, options);
}

export type { Format, ResultKind, Results } from './format.js';
