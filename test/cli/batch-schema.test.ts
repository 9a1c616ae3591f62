import { describe, expect, it } from 'vitest';
import { OUTPUT_KEYS } from '../../src/cli/options.js';
import { describeErrors, validatorFor, type SchemaCommand } from '../helpers/json-schema.js';
import { json, runCli } from '../helpers/run-cli.js';

const unknownField = /unknown field/;
const commands: readonly SchemaCommand[] = ['plan', 'taper', 'check', 'missed'];
const camel = (flag: string) => flag.replace(/^--(no-)?/, '').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** The long options of a command's help: `--start-dose` as startDose. */
async function optionFields(command: SchemaCommand): Promise<Set<string>> {
  const help = (await runCli([command, '--help'])).stdout;
  const flags = [...help.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((match) => camel(match[1] ?? ''));
  return new Set(flags.filter((name) => !(OUTPUT_KEYS as readonly string[]).includes(name) && !['ndjson', 'help', 'version'].includes(name)));
}

describe('titrate schema <command>', () => {
  it('plan: a strict object of the plan fields, with enums, bounds and a description each', async () => {
    const schema = json(await runCli(['schema', 'plan']));
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', additionalProperties: false });
    expect(schema.properties.frequency).toMatchObject({ enum: ['tid', 'qid'] });
    expect(schema.properties.renalAdjust).toMatchObject({ type: 'boolean' });
    expect(schema.properties.form.enum).toEqual(['tablet', 'granules', 'solution-1', 'solution-2', 'suspension-5']);
    expect(schema.properties.target.anyOf[0]).toMatchObject({ type: 'number', minimum: 2.5, maximum: 80 });
    expect(schema.properties.startDose).toMatchObject({ type: 'number', exclusiveMinimum: 0, maximum: 20, multipleOf: 2.5 });
    expect(schema.properties.age).toMatchObject({ type: 'number', minimum: 12, maximum: 120 });
    for (const key of ['format', 'json', 'ndjson', 'color', 'debug', 'help']) expect(schema.properties).not.toHaveProperty(key);
  });

  it.each(commands)('%s: every field has a description, and the fields are the options a line carries', async (command) => {
    const { properties } = json(await runCli(['schema', command]));
    for (const [name, field] of Object.entries<{ description?: string }>(properties)) expect(field.description, name).toMatch(/\w{3}/);
    // check reads --file into `schedule`; missed's --plan is the plan itself in a line.
    const fromOptions = await optionFields(command);
    const lineOnly = command === 'check' ? ['schedule'] : [];
    const optionOnly = command === 'check' ? ['file'] : [];
    expect(new Set(Object.keys(properties).filter((name) => name !== 'id'))).toEqual(new Set([...[...fromOptions].filter((name) => !optionOnly.includes(name)), ...lineOnly]));
  });

  it.each(commands)('%s: every field the schema names is one a line may carry, and the rest are refused', async (command) => {
    const { properties } = json(await runCli(['schema', command]));
    const names = Object.keys(properties).filter((name) => name !== 'id');
    const lines = [...names.map((name) => JSON.stringify({ [name]: 'x' })), JSON.stringify({ notAnOption: 1 })].join('\n');
    const records = (await runCli([command, '--ndjson'], { stdin: lines })).stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(records).toHaveLength(names.length + 1);
    for (const record of records.slice(0, -1)) expect(JSON.stringify(record.error?.messages ?? [])).not.toMatch(unknownField);
    expect(records.at(-1).error.messages).toEqual(['unknown field(s): notAnOption']);
  });

  it('rejects what the CLI refuses: taper without from, plan above the daily maximum or a dose above 20 mg', async () => {
    const [taper, plan] = [await validatorFor('taper'), await validatorFor('plan')];
    expect(taper({})).toBe(false);
    expect(describeErrors(taper.errors)).toMatch(/required.*from/);
    expect(taper({ from: '20mg tid' })).toBe(true);
    for (const target of [120, 80.5, '25mg qid', '20mg bid', '120 mg/day', 'lots']) expect(plan({ target }), String(target)).toBe(false);
    for (const target of [80, 60, 40.5, '20mg qid', '60 mg/day', '15mg three times daily']) expect(plan({ target }), String(target)).toBe(true);
  });

  it('--output prints the schema of the --json output, its --ndjson error record and its stderr error', async () => {
    const schema = json(await runCli(['schema', 'missed', '--output']));
    expect(schema.title).toBe('titrate missed --json output');
    expect(Object.keys(schema.$defs)).toEqual(['result', 'lineError', 'error']);
    expect(schema.$defs.result.properties.action).toEqual({ enum: ['take-now', 'skip'] });
  });

  it('-o and --to write the schema to a file, whole', async () => {
    const result = await runCli(['schema', 'taper', '--output', '-o', 'taper.schema.json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.written['taper.schema.json']).toBe((await runCli(['schema', 'taper', '--output'])).stdout);
    expect((await runCli(['schema', 'plan', '--to', 'plan.json'])).written['plan.json']).toBe((await runCli(['schema', 'plan'])).stdout);
    const failed = await runCli(['schema', 'plan', '--to', 'plan.json'], { writeError: 'ENOSPC' });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toBe("titrate: cannot write 'plan.json': no space left on the device\n");
  });

  it('lists every command it describes in its help, and refuses one without --ndjson, naming them', async () => {
    const help = (await runCli(['schema', '--help'])).stdout;
    expect(help).toMatch(/\(plan, taper, check, missed\)/);
    expect(help).toMatch(/-o, --to <file>/);
    const result = await runCli(['schema', 'rules']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("titrate: schema: expected a command that takes --ndjson (plan, taper, check, missed), got 'rules'\n");
    expect((await runCli(['schema'])).code).toBe(2);
  });
});
