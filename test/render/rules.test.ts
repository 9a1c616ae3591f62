import { describe, expect, it } from 'vitest';
import { defaultProtocolData } from '../../src/app/protocol-data.js';
import { renderOptions } from '../../src/render/render-options.js';
import { allRules, renderRulesTable, RULE_TOPICS, rulesByTopic } from '../../src/render/rules.js';
import { sources, type SourceKey } from '../../src/protocol/source-documents.js';

// titrate rules at a terminal's width: grouped by topic, every rule's summary whole (never a word,
// a name or an address cut), its sources by key, and the sources listed at the end.

const { protocol, products } = defaultProtocolData;
const rules = allRules(protocol, products);

describe('titrate rules', () => {
  it('every topic opens at a rule and has rules; every rule is under one', () => {
    const names = rules.map((rule) => rule.name);
    for (const topic of RULE_TOPICS) expect(names, topic.from).toContain(topic.from);
    const groups = rulesByTopic(rules);
    expect(groups.map((group) => group.title)).toEqual(RULE_TOPICS.map((topic) => topic.title));
    expect(groups.flatMap((group) => group.rules)).toEqual(rules);
  });

  for (const width of [80, 60]) {
    it(`at ${width} columns: each rule's words and sources whole, no word cut, each address whole on its own line`, () => {
      const text = renderRulesTable(defaultProtocolData, renderOptions({ width }));
      const lines = text.split('\n');
      // Every word of every summary appears whole (a cut word would not).
      const words = new Set(text.split(/\s+/));
      for (const { rule } of rules) for (const word of `${rule.summary} [${rule.sources.join(' ')}]`.split(/\s+/)) expect(words.has(word), word).toBe(true);
      for (const line of lines) if (!/^ *https?:\/\/\S+$/.test(line)) expect([...line].length, line).toBeLessThanOrEqual(width);
      const cited = new Set(rules.flatMap(({ rule }) => rule.sources));
      for (const key of cited) {
        const { url } = sources[key as SourceKey];
        expect(text).toMatch(new RegExp(`^  ${key} +`, 'm'));
        if (url) expect(lines.map((line) => line.trim())).toContain(url);
      }
    });
  }

  it('is far shorter at 80 columns than the 300-line table it was, and has no internal key names', () => {
    const text = renderRulesTable(defaultProtocolData, renderOptions({ width: 80 }));
    // Each source's primary citation (labeller or authors, year, identifiers) takes about three lines.
    expect(text.split('\n').length).toBeLessThan(280);
    expect(text).not.toMatch(/\b(doseUnitMg|singleDoseMaxMg|products\.forms)\b/);
  });
});

describe('titrate rules: kidney bounds as applied', () => {
  it('prints each kidney boundary as titrate applies it (30 or below: severe), never as "<30"', () => {
    const text = renderRulesTable(defaultProtocolData, renderOptions({ width: 200 })).replace(/\s+/g, ' ');
    expect(text).toMatch(/30 or below \(severe\)/);
    expect(text).not.toMatch(/<\s?30|<\s?50|>\s?80/);
    // Each printed bound is a category's own bound: 80, 50 and 30 are the upper ends of mild, moderate, severe.
    const bounds = protocol.renalCategories.value.flatMap((category) => (category.maxCrclMlMin === null ? [] : [category.maxCrclMlMin]));
    for (const bound of bounds) expect(text).toContain(`${bound}`);
  });
});
