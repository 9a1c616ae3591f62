import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { everyProfile, profileIds, profiles } from '../../src/protocol/profiles.js';
import type { Sourced } from '../../src/protocol/value-types.js';
import { sources, type SourceKey } from '../../src/protocol/source-documents.js';
import { renderOptions } from '../../src/render/render-options.js';
import { sourceLines } from '../../src/render/source-lines.js';
import { allRules, renderRulesTable, rulesJson } from '../../src/render/rules.js';
import { messageOf } from '../../src/rules/catalogue.js';

// Every source titrate prints is the primary document (the label by set id, NDA, DIN or CIS, the
// article by DOI, the guideline, the NHS page), never a mirror or an unofficial copy; and a number
// no source states is marked as titrate's own (TITRATE), never passed off as a label's.

/** Hosts of mirrors, unofficial copies and secondary pages titrate once cited or must never cite. */
const MIRRORS = [
  'butalbitalapap',
  'studylibfr',
  'studyres',
  'echopulsenews',
  'github.io',
  'formweb',
  'medlibrary',
  'medpath',
  'dhakarx',
  'tabers',
  'thedrugmonitor',
  'medicalalgorithms',
  'medscape',
  'drugs.com',
  'mims.com',
  'mimsdev',
  'fda.report',
  'cancertherapyadvisor',
  'compendium.ch',
  'ozobax.com',
  'pdfslide',
  'rxreasoner',
  'medthority',
  'mdtodate',
  'medikamio',
  'ellviva',
  'oddb',
  'globalrph',
  'druginteractionchecker',
  'docslib',
  'myhealthbox',
  'nephronpower',
  'wholehealthmd',
  'mscenter',
  'rxlist',
  'pdr.net',
];

const mirrorIn = (text: string) => MIRRORS.find((host) => text.toLowerCase().includes(host));

/** The keys a profile's rules and products cite, however deep the value. */
function citedKeys(data: object): SourceKey[] {
  const keys = new Set<SourceKey>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    if ('sources' in value && Array.isArray((value as Sourced<unknown>).sources)) for (const key of (value as Sourced<unknown>).sources) keys.add(key);
    for (const inner of Object.values(value)) visit(inner);
  };
  visit(data);
  return [...keys];
}

describe('sources: primary documents only', () => {
  it('every source has a primary citation, and an https address on the issuer (no mirror) or none', () => {
    for (const [key, source] of Object.entries(sources)) {
      expect(source.citation.length, key).toBeGreaterThan(20);
      expect(mirrorIn(`${source.title} ${source.citation}`), key).toBeUndefined();
      if (source.url === null) continue;
      expect(source.url, key).toMatch(/^https:\/\//);
      expect(mirrorIn(source.url), `${key} ${source.url}`).toBeUndefined();
    }
  });

  it('an article is cited by its DOI, and a US label by its DailyMed set id, NDA or NDC', () => {
    for (const [key, source] of Object.entries(sources)) {
      if (/\bDOI\b/.test(source.citation)) expect(source.url, key).toMatch(/^https:\/\/doi\.org\/10\./);
      if (/DailyMed setid/.test(source.citation)) expect(source.url, key).toMatch(/^https:\/\/dailymed\.nlm\.nih\.gov\/dailymed\/drugInfo\.cfm\?setid=[0-9a-f-]{36}$/);
    }
    expect(sources.S1.citation).toContain('92153f69-bc9b-4bef-9a8e-751effde5c7e');
    expect(sources.R6.url).toBe('https://doi.org/10.1111/jgs.18372');
    expect(sources.C1.url).toBe('https://doi.org/10.1159/000180580');
  });

  for (const id of profileIds) {
    it(`${id}: every source its rules cite is known, cited and no mirror`, () => {
      const keys = citedKeys(profiles[id]);
      expect(keys.length).toBeGreaterThan(5);
      for (const key of keys) {
        expect(Object.hasOwn(sources, key), key).toBe(true);
        const { citation, url } = sources[key];
        expect(citation, key).not.toBe('');
        expect(mirrorIn(`${citation} ${url ?? ''}`), key).toBeUndefined();
      }
    });
  }
});

describe('sources: what titrate decides is marked as titrate\'s', () => {
  for (const { protocol } of everyProfile) {
    it(`${protocol.profile}: the largest single dose, Beers on CrCl, the age of 65 and the 0.7 mg/dL creatinine are TITRATE`, () => {
      // The labels set only a daily maximum; no label states a per-dose one.
      expect(protocol.singleDoseMaxMg.sources).toContain('TITRATE');
      // Beers is worded in eGFR (R6, applied to an eGFR given); applying it to a CrCl is titrate's substitution.
      expect(protocol.beers.sources).toEqual(['R6']);
      expect(protocol.beers.summary).toMatch(/eGFR/);
      expect(protocol.beersOnCrcl.sources).toContain('TITRATE');
      expect(protocol.beersOnCrcl.summary).toMatch(/CrCl/);
      // The elderly caution of R3 and T4 gives no age.
      expect(protocol.olderAdultAgeYears.sources).toContain('TITRATE');
      // No source states 0.7 mg/dL: nothing but titrate.
      expect(protocol.lowCreatinineMgDl.sources).toEqual(['TITRATE']);
      // The dialysis dose of about 5 mg/day is a dose to select, not a stated ceiling.
      expect(protocol.dialysisMaxDailyMg.sources).toContain('TITRATE');
      expect(protocol.dialysisMaxDailyMg.sources).not.toContain('T1');
    });

    it(`${protocol.profile}: each such finding says it is titrate's, not a label's`, () => {
      const data = everyProfile.find((item) => item.protocol === protocol);
      if (data === undefined) throw new Error('profile not found');
      const single = messageOf({ code: 'SINGLE_DOSE_ABOVE_MAX', severity: 'error', step: null, sources: protocol.singleDoseMaxMg.sources, params: { date: null, doses: [30], maxMg: protocol.singleDoseMaxMg.value } }, data);
      expect(single).toMatch(/titrate's inference/);
      expect(single).not.toMatch(/any label gives/);
      const beers = messageOf({ code: 'BEERS_AVOID', severity: 'error', step: null, sources: [...protocol.beers.sources, ...protocol.beersOnCrcl.sources], params: { ageYears: 70, belowEgfr: 60, measure: 'crcl', value: 40 } }, data);
      expect(beers).toMatch(/no eGFR given: titrate applies the criteria's eGFR threshold to the CrCl/);
      const older = messageOf({ code: 'OLDER_ADULT', severity: 'warning', step: null, sources: protocol.olderAdultAgeYears.sources, params: { ageYears: 70 } }, data);
      expect(older).toMatch(/titrate's threshold, as the labels give no age/);
      expect(older).not.toMatch(/falls/);
      const creatinine = messageOf({ code: 'CRCL_MAY_OVERESTIMATE', severity: 'warning', step: null, sources: protocol.lowCreatinineMgDl.sources, params: { serumCreatinineMgDl: 0.5, belowMgDl: 0.7 } }, data);
      expect(creatinine).toMatch(/titrate's threshold/);
    });
  }
});

describe('titrate rules: each source with its primary citation', () => {
  for (const data of everyProfile) {
    it(`${data.protocol.profile}: the table prints every cited source's citation and address, and no mirror`, () => {
      const text = renderRulesTable(data, renderOptions({ width: 80 }));
      const flat = text.replace(/\s+/g, ' ');
      const cited = new Set(allRules(data.protocol, data.products).flatMap(({ rule }) => rule.sources));
      for (const key of cited) {
        const { citation, url } = sources[key];
        expect(flat, key).toContain(`${key} ${citation}`.replace(/\s+/g, ' '));
        if (url !== null) expect(text.split('\n').map((line) => line.trim()), key).toContain(url);
      }
      expect(mirrorIn(text)).toBeUndefined();
    });

    it(`${data.protocol.profile}: --json carries each cited source's citation and address`, () => {
      const json = rulesJson(data);
      for (const rule of json.rules) for (const key of rule.sources) expect(json.sources[key], key).toMatchObject({ citation: sources[key].citation, url: sources[key].url });
      expect(mirrorIn(JSON.stringify(json))).toBeUndefined();
    });
  }
});

describe('the sources under an explained table (--explain)', () => {
  for (const width of [80, 60]) {
    it(`at ${width} columns: each citation whole, each address whole on a line of its own`, () => {
      const keys = Object.keys(sources) as SourceKey[];
      const text = sourceLines(new Set(keys), renderOptions({ width })).join('\n');
      const lines = text.split('\n').map((line) => line.trim());
      const flat = text.replace(/\s+/g, ' ');
      for (const key of keys) {
        const { citation, url } = sources[key];
        expect(flat, key).toContain(`${key} ${citation}`.replace(/\s+/g, ' '));
        if (url !== null) expect(lines, key).toContain(url);
      }
    });
  }
});

describe("titrate's own account of its sources", () => {
  const root = join(import.meta.dirname, '..', '..');
  const accounts = ['README.md', join('src', 'protocol', 'README.md')].map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));

  it('names no mirror and points at no file outside the project', () => {
    for (const { file, text } of accounts) {
      expect(mirrorIn(text), file).toBeUndefined();
      expect(text, file).not.toMatch(/\/work\/|shared\/|\.\.\/shared|SOURCES\.md|FACTS\.md|PROTOCOL\.md|REGIONS\.md/);
    }
  });

  it('src/protocol/README.md gives every source its primary citation', () => {
    const account = accounts[1]?.text ?? '';
    for (const [key, source] of Object.entries(sources)) expect(account, key).toContain(`| ${key} | ${source.citation.replace(/\|/g, '\\|')} |`);
  });
});
