import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', 'src');

function sources(folder: string): { file: string; text: string }[] {
  return readdirSync(join(src, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ file: `${folder}/${file}`, text: readFileSync(join(src, folder, file), 'utf8') }));
}

const importsOf = (text: string) => [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((match) => match[1] ?? '');

describe('architecture', () => {
  it('the engine is pure: it imports only its own modules and the protocol', () => {
    for (const { file, text } of sources('engine')) {
      for (const target of importsOf(text)) expect(`${file} -> ${target}`).toMatch(/ -> (\.\/|\.\.\/protocol\/)/);
      expect(`${file}: ${text}`).not.toMatch(/\bprocess\.|\bconsole\.|new Date\(\s*\)|Date\.now\(|Math\.random\(/);
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

  it('only cli/main.ts touches the real process', () => {
    for (const { file, text } of sources('cli')) {
      if (file === 'cli/main.ts') continue;
      expect(`${file}: ${text}`).not.toMatch(/process\.(exit|argv|stdout|stderr|stdin|env)\b|new Date\(\s*\)/);
    }
  });
});
