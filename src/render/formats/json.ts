import { checkJson, scheduleJson, toJsonText } from '../json.js';
import { missedJson } from '../missed.js';
import { protocolsJson } from '../protocols.js';
import { rulesJson } from '../rules.js';
import type { Format, Results, ResultKind } from './format.js';

/** Each result as the documented JSON value (what NDJSON batches write, one a line). */
export const jsonValue: { readonly [K in ResultKind]: (result: Results[K]) => unknown } = {
  schedule: scheduleJson,
  check: checkJson,
  missed: missedJson,
  rules: rulesJson,
  protocols: protocolsJson,
};

/** For scripts: the versioned JSON contract (schemaVersion 1), indented. */
export const json: Format = {
  name: 'json',
  summary: 'the versioned JSON contract, for scripts (same as --json)',
  jsonErrors: true,
  render: {
    schedule: (result) => toJsonText(jsonValue.schedule(result)),
    check: (result) => toJsonText(jsonValue.check(result)),
    missed: (result) => toJsonText(jsonValue.missed(result)),
    rules: (result) => toJsonText(jsonValue.rules(result)),
    protocols: (result) => toJsonText(jsonValue.protocols(result)),
  },
};
