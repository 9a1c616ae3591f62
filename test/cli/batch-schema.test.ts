import { describe, expect, it } from 'vitest';
import { json, runCli } from '../helpers/run-cli.js';

const unknownField = /unknown field/;

describe('titrate schema <command>', () => {
  it('plan: a strict object of the plan options in camelCase, typed from their placeholders', async () => {
    const schema = json(await runCli(['schema', 'plan']));
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', additionalProperties: false });
    expect(schema.properties).toMatchObject({
      id: { type: ['string', 'number'] },
      start: { type: 'string', format: 'date' },
      target: { type: ['number', 'string'] },
      startDose: { type: ['number', 'string'] },
      renalAdjust: { type: 'boolean' },
      frequency: { type: 'string', examples: ['tid', 'qid'] },
    });
    expect(schema.properties.start.description).toMatch(/^--start <yyyy-MM-dd>: /);
    for (const key of ['format', 'json', 'ndjson', 'color', 'debug', 'help']) expect(schema.properties).not.toHaveProperty(key);
  });

  it.each(['plan', 'taper', 'check', 'missed'])('%s: every field the schema names is one a line may carry, and the rest are refused', async (command) => {
    const { properties } = json(await runCli(['schema', command]));
    const names = Object.keys(properties).filter((name) => name !== 'id');
    const lines = [...names.map((name) => JSON.stringify({ [name]: 'x' })), JSON.stringify({ notAnOption: 1 })].join('\n');
    const records = (await runCli([command, '--ndjson'], { stdin: lines })).stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(records).toHaveLength(names.length + 1);
    for (const record of records.slice(0, -1)) expect(JSON.stringify(record.error?.messages ?? [])).not.toMatch(unknownField);
    expect(records.at(-1).error.messages).toEqual(['unknown field(s): notAnOption']);
  });

  it('refuses a command without --ndjson, naming those with it', async () => {
    const result = await runCli(['schema', 'rules']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^titrate: schema: expected a command that takes --ndjson \(plan, taper, check.*\), got 'rules'\n$/);
    expect((await runCli(['schema'])).code).toBe(2);
  });
});
