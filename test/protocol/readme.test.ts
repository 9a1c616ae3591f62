import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { baclofenFhir } from '../../src/protocol/fhir.js';
import { baclofenProducts } from '../../src/protocol/products.js';
import type { Sourced } from '../../src/protocol/value-types.js';
import { sources } from '../../src/protocol/source-documents.js';

// src/protocol/README.md is titrate's own account of its sources and decisions: it must list every
// source key with its address, and explain every value no source sets.

const readme = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'protocol', 'README.md'), 'utf8');

function sourcedValues(data: object, prefix = ''): [string, Sourced<unknown>][] {
  return Object.entries(data).flatMap(([key, value]): [string, Sourced<unknown>][] => {
    if (value && typeof value === 'object' && 'sources' in value && 'summary' in value) return [[key, value as Sourced<unknown>]];
    return value && typeof value === 'object' && !Array.isArray(value) ? sourcedValues(value, `${prefix}${key}.`) : [];
  });
}

describe('src/protocol/README.md', () => {
  it('lists every source key with its title and address', () => {
    for (const [key, source] of Object.entries(sources)) {
      expect(readme, key).toContain(`| ${key} |`);
      if (source.url) expect(readme, key).toContain(source.url);
    }
  });

  it('explains every product decision (each value sourced TITRATE) by name', () => {
    const decisions = [...sourcedValues(baclofenOral), ...sourcedValues(baclofenProducts), ...sourcedValues(baclofenFhir)].filter(([, value]) => value.sources.includes('TITRATE'));
    expect(decisions.length).toBeGreaterThan(5);
    for (const [name] of decisions) expect(readme, name).toContain(`\`${name}\``);
  });
});
