import { renderCheckTable } from '../check-table.js';
import { renderMissedDose } from '../missed.js';
import { renderRulesTable } from '../rules.js';
import { renderScheduleTable } from '../schedule-table.js';
import type { Format } from './format.js';

/** For a person at a terminal: tables, findings and the draft reminder, in colour when it can. */
export const table: Format = {
  name: 'table',
  summary: 'tables and findings for a terminal (the default)',
  jsonErrors: false,
  render: { schedule: renderScheduleTable, check: renderCheckTable, missed: renderMissedDose, rules: renderRulesTable },
};
