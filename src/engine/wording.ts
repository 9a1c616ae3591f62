import { frequencies } from '../protocol/baclofen.js';

// Numbers and regimens as they appear inside messages and step explanations.

/** `45.3`, `70`, `2.5`: at most `decimals` places, no trailing zeros. */
export function formatNumber(value: number, decimals = 2): string {
  // Whole and half numbers (every dose is a multiple of 2.5 mg) are written as they are, without
  // the rounding below (a fast path for batches).
  // Stryker disable next-line ConditionalExpression,ArithmeticOperator: the rounding below writes whole and half numbers the same
  if (Number.isInteger(value * 2)) return String(value);
  return String(Number(value.toFixed(decimals)));
}

/** `1 day`, `3 days`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Each frequency's label by its doses a day. */
const labelByDoses = new Map<number, string>(Object.values(frequencies).map((item) => [item.dosesPerDay, item.label]));

/** `20 mg three times daily`, `10 + 5 + 5 mg a day`, or `no baclofen`. */
export function describeDoses(doses: readonly number[]): string {
  const first = doses[0];
  if (first === undefined) return 'no baclofen';
  const label = labelByDoses.get(doses.length);
  if (label !== undefined && doses.every((dose) => dose === first)) return `${formatNumber(first)} mg ${label}`;
  return `${doses.map((dose) => formatNumber(dose)).join(' + ')} mg a day`;
}

export function describeDaily(doses: readonly number[]): string {
  return `${describeDoses(doses)} (${formatNumber(doses.reduce((a, b) => a + b, 0))} mg/day)`;
}

/** `1 h 30 min`, `45 min`, `2 h`. */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
