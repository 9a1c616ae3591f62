import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', 'src');

function sources(folder: string): { file: string; text: string }[] {
  return readdirSync(join(src, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ file: `${folder}/${file}`, text: readFileSync(join(src, folder, file), 'utf8') }));
}

/** Code without its block comments: a TSDoc @example imports from 'titrate' and logs, as a user would. */
const withoutDocs = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '');

const importsOf = (text: string) => [...withoutDocs(text).matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((match) => match[1] ?? '');

/** Every module this code imports, statically or dynamically (the CLI loads the server on demand). */
const allImportsOf = (text: string) => [...importsOf(text), ...[...withoutDocs(text).matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((match) => match[1] ?? '')];

// The layers, lowest first. A module imports its own layer or one below it, never one above it
// (nor a layer beside it): protocols are data, the engine plans, one rule book judges, the request
// schemas check fields into requests, the use cases run them, renderers print the results, and the
// library, the CDS Hooks service, its HTTP server and the CLI sit on top.
const layers: readonly (readonly string[])[] = [['protocol'], ['engine'], ['rules'], ['schema'], ['app'], ['render'], ['library', 'service'], ['serve'], ['cli']];
const rankOf = (folder: string) => layers.findIndex((layer) => layer.includes(folder));

describe('architecture', () => {
  it('no import runs up the layers: protocol, engine, rules, schema, app, render, then library/service, serve, cli', () => {
    const folders = layers.flat();
    const all = folders.flatMap((folder) => sources(folder));
    expect(all.length).toBeGreaterThan(100);
    for (const { file, text } of all) {
      const from = file.split('/')[0] ?? '';
      for (const target of allImportsOf(text).filter((item) => item.startsWith('.'))) {
        const to = relative(src, join(src, dirname(file), target)).split(sep)[0] ?? '';
        if (to === from || !folders.includes(to)) continue;
        expect(`${file} -> ${target}`, `${from} may not import ${to}, a layer ${rankOf(to) === rankOf(from) ? 'beside' : 'above'} it`).toSatisfy(() => rankOf(to) < rankOf(from));
      }
    }
  });

  it('the engine is pure: it imports only its own modules and the protocol', () => {
    for (const { file, text } of sources('engine')) {
      for (const target of importsOf(text)) expect(`${file} -> ${target}`).toMatch(/ -> (\.\/|\.\.\/protocol\/)/);
      expect(`${file}: ${withoutDocs(text)}`).not.toMatch(/\bprocess\.|\bconsole\.|new Date\(\s*\)|Date\.now\(|Math\.random\(/);
    }
  });

  it('the protocol is data: it imports nothing but itself', () => {
    for (const { file, text } of sources('protocol')) {
      for (const target of importsOf(text)) expect(`${file} -> ${target}`).toMatch(/ -> \.\//);
    }
  });

  it('render and schema never reach into the CLI', () => {
    for (const { file, text } of [...sources('render'), ...sources('schema')]) {
      for (const target of importsOf(text)) expect(`${file} -> ${target}`).not.toMatch(/\/cli\/|^commander$|^node:/);
    }
  });

  it('the CDS Hooks service is a pure function: no I/O, no clock, nothing of the server or the CLI', () => {
    for (const { file, text } of sources('service')) {
      for (const target of importsOf(text)) expect(`${file} -> ${target}`).not.toMatch(/\/cli\/|\/serve\/|^node:|^jose$/);
      expect(`${file}: ${withoutDocs(text)}`).not.toMatch(/\bprocess\.|\bconsole\.|new Date\(\s*\)|Date\.now\(|Math\.random\(/);
    }
  });

  it('only cli/main.ts touches the real process', () => {
    for (const { file, text } of sources('cli')) {
      if (file === 'cli/main.ts') continue;
      expect(`${file}: ${text}`).not.toMatch(/process\.(exit|argv|stdout|stderr|stdin|env)\b|new Date\(\s*\)/);
    }
  });

  it('a request is worked out once: the kidney limit where the patient is assessed, a schedule file in the request schema', () => {
    const all = layers.flat().flatMap((folder) => sources(folder));
    const callers = (name: string) => all.filter(({ text }) => new RegExp(`\\b${name}\\(`).test(withoutDocs(text).replace(/^\s*export function .*$/gm, ''))).map(({ file }) => file);
    expect(callers('kidneyLimitFor')).toEqual(['engine/patient.ts']);
    expect(callers('normalizeAnySchedule')).toEqual(['schema/check-request.ts']);
  });

  // A protocol is a value passed from the request: only src/protocol/ defines one, and no layer
  // that judges, words or prints a schedule imports the default's values. The request schemas
  // (src/schema) still bound their fields by the default's values: listed, so that none is added.
  const stillReadingTheDefault = new Set([
    'schema/check-request.ts',
    'schema/missed-request.ts',
    'schema/patient-fields.ts',
    'schema/plan-request.ts',
    'schema/product-fields.ts',
    'schema/schedule-input.ts',
    'schema/taper-request.ts',
  ]);

  it("no module outside src/protocol imports the default protocol's values", () => {
    const all = ['engine', 'rules', 'app', 'render', 'schema', 'cli', 'service'].flatMap((folder) => sources(folder));
    expect(all.length).toBeGreaterThan(100);
    for (const { file, text } of all) {
      if (stillReadingTheDefault.has(file)) continue;
      expect(`${file}: ${text.match(/import\s*\{[^}]*\b(?:baclofenOral|baclofenProducts)\b[^}]*\}\s*from/)?.[0] ?? ''}`).toBe(`${file}: `);
    }
  });

  it('no protocol value is written as a literal in a user-facing string outside src/protocol', () => {
    // Strings only (comments are skipped): a cap, a largest dose, an age limit, a factor.
    const literal = /(?:cap|maximum)[^'`"\n]*\b80 mg\/day|\b80 mg\/day[^'`"\n]*(?:cap|maximum)|20 mg a dose|12 and over|× 0\.85|÷ 88\.4|about 5 mg\/day|\(protocol: \d|above 20 mg|default 5,10,20|default 10,20/;
    const strings = (text: string) => [...text.replace(/^\s*(?:\/\/|\*|\/\*).*$/gm, '').matchAll(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"/g)].map((match) => match[0]);
    const all = ['engine', 'rules', 'app', 'render', 'schema', 'cli', 'service'].flatMap((folder) => sources(folder));
    for (const { file, text } of all.filter((item) => !stillReadingTheDefault.has(item.file))) for (const value of strings(text)) expect(`${file}: ${literal.test(value) ? value : ''}`).toBe(`${file}: `);
  });
});
