import { describe, expect, it } from 'vitest';
import { clockFromMinutes, minutesOfDay, parseClock, spreadTimes, timesForStep, type ClockTime } from '../../src/engine/dose-times.js';
import { baclofenProducts } from '../../src/protocol/products.js';

const t = (...times: string[]) => times as ClockTime[];

describe('clock times', () => {
  it('reads HH:MM and H:MM, and refuses anything else', () => {
    expect(parseClock('08:00')).toBe('08:00');
    expect(parseClock('8:05')).toBe('08:05');
    expect(parseClock(' 23:59 ')).toBe('23:59');
    for (const bad of ['24:00', '12:60', '8', '08:0', '0800', 'noon', '-1:00', '']) expect(parseClock(bad)).toBeNull();
  });

  it('converts to and from minutes, wrapping around midnight', () => {
    expect(minutesOfDay(t('14:30')[0] as ClockTime)).toBe(870);
    expect(clockFromMinutes(870)).toBe('14:30');
    expect(clockFromMinutes(1440 + 480)).toBe('08:00');
    expect(clockFromMinutes(-60)).toBe('23:00');
  });
});

describe('spreadTimes', () => {
  const tid = t('08:00', '14:00', '20:00');
  const qid = t('08:00', '12:00', '16:00', '20:00');

  it('keeps all the times for as many doses', () => {
    expect(spreadTimes(tid, 3)).toEqual(tid);
  });

  it('fewer doses: the first and last, the rest spread; once daily the first', () => {
    expect(spreadTimes(tid, 2)).toEqual(t('08:00', '20:00'));
    expect(spreadTimes(tid, 1)).toEqual(t('08:00'));
    expect(spreadTimes(qid, 3)).toEqual(t('08:00', '16:00', '20:00'));
    expect(spreadTimes(qid, 2)).toEqual(t('08:00', '20:00'));
    expect(spreadTimes(qid, 0)).toEqual([]);
  });
});

describe('timesForStep', () => {
  it('defaults by frequency (products.defaultTimes)', () => {
    expect(timesForStep(1, undefined, baclofenProducts)).toEqual(t('08:00'));
    expect(timesForStep(2, undefined, baclofenProducts)).toEqual(t('08:00', '20:00'));
    expect(timesForStep(3, undefined, baclofenProducts)).toEqual(t('08:00', '14:00', '20:00'));
    expect(timesForStep(4, undefined, baclofenProducts)).toEqual(t('08:00', '12:00', '16:00', '20:00'));
    expect(timesForStep(0, undefined, baclofenProducts)).toEqual([]);
  });

  it('given times are spread over a step with fewer doses', () => {
    expect(timesForStep(2, t('07:00', '15:00', '23:00'), baclofenProducts)).toEqual(t('07:00', '23:00'));
  });
});

describe('the edges of clock times and spreading', () => {
  it('a time padded to 16 characters is read; a longer text is no time at all', () => {
    expect(parseClock('     08:00      ')).toBe('08:00');
    expect(parseClock('      08:00      ')).toBeNull();
  });

  it('no doses, or fewer than none, take no times', () => {
    expect(spreadTimes(t('08:00', '20:00'), 0)).toEqual([]);
    expect(spreadTimes(t('08:00', '20:00'), -1)).toEqual([]);
    expect(timesForStep(0, undefined, baclofenProducts)).toEqual([]);
    expect(timesForStep(0, t('08:00'), baclofenProducts)).toEqual([]);
  });

  it('more doses a day than any default are spread evenly over the four-times-daily span, on 5 minutes', () => {
    expect(timesForStep(5, undefined, baclofenProducts)).toEqual(['08:00', '11:00', '14:00', '17:00', '20:00']);
    // 720 minutes over 6 gaps: 144 minutes, rounded to 145, 290 (from 288), 430 (from 432), 575 (from 576).
    expect(timesForStep(6, undefined, baclofenProducts)).toEqual(['08:00', '10:25', '12:50', '15:10', '17:35', '20:00']);
  });
});
