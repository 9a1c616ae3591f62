import { findFormat, formatsFor, renderAs as renderWith, type ResultKind, type Results } from '../render/formats/index.js';
import { renderOptions, type RenderOptions } from '../render/render-options.js';

/**
 * The formats that render each kind of result, by name (test/library/render.test.ts checks this
 * against the formats' list, so it cannot drift).
 */
export interface FormatNames {
  /** plan and taper results */
  readonly schedule: 'table' | 'json' | 'csv' | 'markdown' | 'html' | 'handout-md' | 'ics' | 'fhir';
  readonly check: 'table' | 'json' | 'csv' | 'markdown';
  readonly missed: 'table' | 'json';
  /** the protocol in use (defaultProtocolData) */
  readonly rules: 'table' | 'json';
  /** every protocol profile (everyProfile) */
  readonly protocols: 'table' | 'json';
}

/** A format that renders results of `kind`. */
export type FormatName<K extends ResultKind = ResultKind> = FormatNames[K];

/**
 * Renders a result as text in a format: the name is checked against the kind of result at
 * compile time (`renderAs('pdf', …)` does not compile); options not given take their defaults
 * (plain text, 80 columns). A format that does not render the kind, from plain JavaScript, is a
 * TypeError naming the formats that do.
 *
 * @example
 * ```ts
 * import { planFromFields, renderAs } from 'titrate';
 * const outcome = planFromFields({ target: 30 }, '2026-01-05');
 * if (outcome.ok) process.stdout.write(renderAs('csv', 'schedule', outcome.value.result));
 * ```
 */
export function renderAs<K extends ResultKind>(format: FormatName<K>, kind: K, result: Results[K], options: Partial<RenderOptions> = {}): string {
  if (findFormat(format)?.render[kind] === undefined) {
    const names = formatsFor(kind).map((known) => known.name);
    throw new TypeError(`titrate renderAs: no format ${JSON.stringify(String(format))} for ${String(kind)} results; ${names.length > 0 ? `formats: ${names.join(', ')}` : 'kinds: schedule, check, missed, rules, protocols'}`);
  }
  return renderWith(format, kind, result, renderOptions(options));
}
