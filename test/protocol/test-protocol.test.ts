import { describe, expect, it } from 'vitest';
import { check } from '../../src/app/check.js';
import { plan } from '../../src/app/plan.js';
import type { ScheduleResult } from '../../src/app/schedule-result.js';
import { taper } from '../../src/app/taper.js';
import { baclofenOral, type Protocol } from '../../src/protocol/baclofen.js';
import { baclofenProducts } from '../../src/protocol/products.js';
import type { ProtocolData } from '../../src/protocol/profiles.js';
import { sourced } from '../../src/protocol/value-types.js';
import { formatsFor, renderAs } from '../../src/render/formats/index.js';
import { renderOptions } from '../../src/render/render-options.js';
import { day } from '../helpers/requests.js';

// A protocol is a value: given one whose maximum is 60 mg/day, nothing titrate prints borrows the
// default's 80 mg/day, and the JSON names the protocol it was given.

const capped: Protocol = {
  ...baclofenOral,
  id: 'test-protocol-60',
  profile: 'test-60',
  title: 'Test protocol',
  name: 'the test protocol',
  usualRangeDailyMg: sourced({ min: null, max: 60 }, ['TITRATE'], 'usual up to 60 mg/day'),
  maxDailyMg: sourced(60, ['TITRATE'], 'never more than 60 mg/day'),
  singleDoseMaxMg: sourced(15, ['TITRATE'], 'never more than 15 mg in one dose'),
};
const data: ProtocolData = { protocol: capped, products: baclofenProducts };
const options = renderOptions({ width: 100, timeZone: 'Europe/London' });

function accepted<T>(outcome: { ok: true; value: T } | { ok: false; problems: readonly { message: string }[] }): T {
  if (!outcome.ok) throw new Error(outcome.problems.map((problem) => problem.message).join('; '));
  return outcome.value;
}

/** Every format's text of a schedule result. */
const everyScheduleFormat = (result: ScheduleResult): string[] => formatsFor('schedule').map((format) => renderAs(format.name, 'schedule', result, options));

describe('a test protocol with a 60 mg/day maximum', () => {
  const planned = accepted(plan({ titration: { startDate: day('2026-01-05'), frequency: 'tid', target: { kind: 'daily', dailyMg: 60 } }, patient: { kidney: { kind: 'crcl', crclMlMin: 40 } }, product: {} }, data));
  const tapered = accepted(taper({ taper: { startDate: day('2026-03-02'), frequency: 'tid', from: { kind: 'regimen', doseMg: 25, frequency: 'qid' } }, patient: {}, product: {} }, data));
  const checked = accepted(check({ subject: { kind: 'regimen', doses: [30, 30, 30, 30] }, patient: {} }, data));

  it('plans, tapers and checks under it: the JSON reports its id and its cap', () => {
    for (const result of [planned, tapered]) expect(JSON.parse(renderAs('json', 'schedule', result, options))).toMatchObject({ protocol: 'test-protocol-60' });
    expect(JSON.parse(renderAs('json', 'check', checked, options))).toMatchObject({ protocol: 'test-protocol-60', capDailyMg: 60, ok: false });
    expect(checked.findings.map((item) => item.code)).toEqual(expect.arrayContaining(['ABOVE_CAP', 'SINGLE_DOSE_ABOVE_MAX']));
  });

  it('no output, in any format, mentions 80 mg/day', () => {
    const texts = [
      ...everyScheduleFormat(planned),
      ...everyScheduleFormat(tapered),
      ...formatsFor('check').map((format) => renderAs(format.name, 'check', checked, options)),
    ];
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) expect(text).not.toMatch(/\b80 mg\/day|80 mg a day|\b20 mg (?:a dose|largest)/);
  });

  it('the kidney-adjusted cap is its maximum reduced, not the default one', () => {
    expect(planned.capDailyMg).toBe(30);
    const text = renderAs('table', 'schedule', planned, options);
    expect(text).toContain('cap 30 mg/day');
  });

  it('a refusal names its maximum', () => {
    const refused = plan({ titration: { startDate: day('2026-01-05'), frequency: 'tid', target: { kind: 'daily', dailyMg: 70 } }, patient: {}, product: {} }, data);
    expect(refused).toMatchObject({ ok: false, problems: [{ code: 'TARGET_ABOVE_MAX_DAILY', params: { dailyMg: 70, maxDailyMg: 60 } }] });
    if (!refused.ok) expect(refused.problems[0]?.message).toBe('70 mg/day is above the 60 mg/day maximum for oral baclofen; titrate does not plan above it');
  });
});
