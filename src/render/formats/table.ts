import { renderCheckTable } from '../check-table.js';
import { renderMissedDose } from '../missed.js';
import type { RenderOptions } from '../render-options.js';
import { renderProtocolsTable } from '../protocols.js';
import { renderRulesTable } from '../rules.js';
import { renderScheduleTable } from '../schedule-table.js';
import { toAscii } from '../text/ascii.js';
import type { Format } from './format.js';

/** The renderer, and in ASCII mode nothing but ASCII whatever slipped past it. */
const plain =
  <R>(render: (result: R, options: RenderOptions) => string) =>
  (result: R, options: RenderOptions): string =>
    options.ascii ? toAscii(render(result, options)) : render(result, options);

/** For a person at a terminal: tables and prose fitted to its width, findings, the draft reminder. */
export const table: Format = {
  name: 'table',
  summary: 'tables and findings for a terminal (the default)',
  jsonErrors: false,
  render: { schedule: plain(renderScheduleTable), check: plain(renderCheckTable), missed: plain(renderMissedDose), rules: plain(renderRulesTable), protocols: plain(renderProtocolsTable) },
};
