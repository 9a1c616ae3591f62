import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { completionModel, longName } from '../../src/cli/completion/model.js';
import type { CommandContext } from '../../src/cli/context.js';
import type { Io } from '../../src/cli/io.js';
import { buildProgram } from '../../src/cli/program.js';
import { checkFieldBuilders } from '../../src/schema/check-request.js';
import { withMaxLength } from '../../src/schema/json-schema/request-schema.js';
import { requestSchemaFor } from '../../src/schema/json-schema/request-schemas.js';
import { patientFieldBuilders, patientFields } from '../../src/schema/patient-fields.js';
import { planFieldBuilders } from '../../src/schema/plan-request.js';
import { productFields, productKeyBuilders, productShape } from '../../src/schema/product-fields.js';
import { allRequestFields } from '../../src/schema/request-fields-all.js';
import { taperFieldBuilders } from '../../src/schema/taper-request.js';

// Each request field is described once (src/schema/request-field.ts): its command-line option and
// help, the zod parser of its key, its JSON Schema property and its shell completion are made from
// that one entry, never written beside it.

const idle = { write: () => true };
const io = { stdout: idle, stderr: idle, stdin: Readable.from([]), env: {}, now: () => new Date(2026, 0, 5), timeZone: () => 'UTC' } as unknown as Io;
const context = { io, instant: () => new Date(2026, 0, 5), today: () => '2026-01-05', exitCode: 0, help: { width: 80, ascii: false } } as CommandContext;
// Completion builds every command.
const program = buildProgram(context, ['completion', 'bash']);
const model = completionModel(program);

// A command's parsers by key: its own and the patient's, and (plan, taper) the product fields, which
// the command's strict object only names and normalizeProductFields parses with productShape.
const productParsers = Object.fromEntries(productFields.map((field) => [field.key, field.parse]));
const parsers: Readonly<Record<string, () => Readonly<Record<string, unknown>>>> = {
  plan: () => ({ ...planFieldBuilders(), ...productParsers }),
  taper: () => ({ ...taperFieldBuilders(), ...productParsers }),
  check: checkFieldBuilders,
};

const commandNamed = (name: string): Command => {
  const command = program.commands.find((item) => item.name() === name);
  if (!command) throw new Error(`no command ${name}`);
  return command;
};

describe('one table per request field', () => {
  it('names each field and each option once', () => {
    const keys = allRequestFields.map((field) => field.key);
    const flags = allRequestFields.map((field) => longName(field.flag));
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(flags).size).toBe(flags.length);
    // The option's long name is the key in kebab case (--scr-umol is scrUmol).
    for (const field of allRequestFields) expect(longName(field.flag)).toBe(`--${field.key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`);
  });

  it('the patient fields every request command shares are the table, in its order', () => {
    expect(Object.keys(patientFieldBuilders())).toEqual(patientFields.map((field) => field.key));
  });

  it('the product fields plan and taper share are the table: their parsers, and the names the strict request takes', () => {
    const keys = productFields.map((field) => field.key);
    expect(Object.keys(productShape())).toEqual(keys);
    expect(Object.keys(productKeyBuilders())).toEqual(keys);
    for (const name of ['plan', 'taper']) expect(Object.keys(parsers[name]?.() ?? {}).filter((key) => keys.includes(key as never))).toEqual(keys);
  });

  it.each(Object.keys(parsers))('%s: the option, the parser, the JSON Schema property and the completion of every field in the table come from its entry', (name) => {
    const command = commandNamed(name);
    const builders = parsers[name]?.() ?? {};
    const properties = requestSchemaFor(name as 'plan' | 'taper' | 'check').properties as Readonly<Record<string, unknown>>;
    const completions = model.commands.find((item) => item.name === name)?.options ?? [];
    const taken = allRequestFields.filter((field) => field.key in builders);
    expect(taken.length).toBeGreaterThanOrEqual(patientFields.length);
    for (const field of taken) {
      const long = longName(field.flag);
      expect(builders[field.key], field.key).toBe(field.parse);
      const option = command.options.find((item) => item.long === long);
      expect({ flags: option?.flags, description: option?.description, choices: option?.argChoices }, field.key).toEqual({ flags: field.flag, description: field.help(), choices: field.choices });
      expect(properties[field.key], field.key).toEqual(withMaxLength(field.jsonSchema()));
      const completion = completions.find((item) => item.names.includes(long));
      expect(completion?.description, field.key).toBe(field.help().split(/[;(]/)[0]?.trim());
      if (field.completion) expect(completion?.value, field.key).toEqual(field.completion);
    }
  });
});
