import { daysBetween } from '../../engine/dates.js';
import { finding, type Finding } from '../../engine/findings.js';
import { sameMg, sum, type Rule } from '../subject.js';

/** A schedule's stated days, dosesPerDay, doseMg and dailyMg agree with its dates and doses. */
export const statedValues: Rule = ({ steps }) => {
  const findings: Finding[] = [];
  for (const step of steps) {
    const stated = step.stated;
    if (!stated) continue;
    const doses = step.doses;
    if (stated.days !== undefined) {
      const actual = step.endDate === null ? null : daysBetween(step.startDate, step.endDate) + 1;
      if (stated.days !== actual) {
        findings.push(finding('STEP_DAYS_MISMATCH', 'error', step.index, ['TITRATE'], { stated: stated.days, actual, startDate: step.startDate, endDate: step.endDate }));
      }
    }
    const mismatch = (field: 'dosesPerDay' | 'doseMg' | 'dailyMg', value: number | null) =>
      findings.push(finding('DAILY_TOTAL_MISMATCH', 'error', step.index, ['TITRATE'], { field, stated: value, doses }));
    if (stated.dosesPerDay !== undefined && stated.dosesPerDay !== doses.length) mismatch('dosesPerDay', stated.dosesPerDay);
    if (stated.doseMg !== undefined) {
      const first = doses[0];
      const equal = first !== undefined && doses.every((dose) => sameMg(dose, first)) ? first : null;
      const agrees = stated.doseMg === null ? equal === null : equal !== null && sameMg(stated.doseMg, equal);
      if (!agrees) mismatch('doseMg', stated.doseMg);
    }
    if (stated.dailyMg !== undefined && !sameMg(stated.dailyMg, sum(doses))) mismatch('dailyMg', stated.dailyMg);
  }
  return findings;
};
