// Long taper schedules for the bench: `check` lines whose schedule has a given number of steps, so
// the cost per step can be compared across lengths (it should not grow with the length).
import { writeFileSync } from 'node:fs';

/** `yyyy-MM-dd` a number of days after another. */
function addDays(date, days) {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

const FROM_DOSE_MG = 20;
const UNIT_MG = 2.5;

/** A taper in titrate's JSON from 20 mg four times daily to none: `steps` steps of 3 days, falling in 2.5 mg units. */
export function longTaper(steps) {
  // Each step's dose is a whole number of units, from the starting dose down to one unit.
  const levels = FROM_DOSE_MG / UNIT_MG;
  const list = [];
  let date = '2026-03-02';
  for (let index = 0; index < steps; index += 1) {
    const last = index === steps - 1;
    const units = last ? 0 : Math.max(1, levels - Math.floor((index * levels) / (steps - 1)));
    list.push({ startDate: date, endDate: last ? null : addDays(date, 2), doses: units === 0 ? [] : Array(4).fill(units * UNIT_MG) });
    date = addDays(date, 3);
  }
  return { schemaVersion: 1, kind: 'taper', from: { doses: Array(4).fill(FROM_DOSE_MG) }, steps: list };
}

/** Writes `count` check request lines, each a taper of `steps` steps. */
export function writeLongTapers(path, count, steps) {
  const line = JSON.stringify({ schedule: longTaper(steps) });
  writeFileSync(path, `${Array(count).fill(line).join('\n')}\n`);
}
