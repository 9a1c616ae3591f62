import { frequencies } from '../protocol/baclofen.js';

// Numbers and regimens as they appear inside finding messages (the contract's `message` is text).

/** `45.3`, `70`, `2.5`: at most `decimals` places, no trailing zeros. */
export function formatNumber(value: number, decimals = 2): string {
  return String(Number(value.toFixed(decimals)));
}

/** `20 mg three times daily`, `10 + 5 + 5 mg a day`, or `no baclofen`. */
export function describeDoses(doses: readonly number[]): string {
  const first = doses[0];
  if (first === undefined) return 'no baclofen';
  const frequency = Object.values(frequencies).find((item) => item.dosesPerDay === doses.length);
  if (doses.every((dose) => dose === first) && frequency) return `${formatNumber(first)} mg ${frequency.label}`;
  return `${doses.map((dose) => formatNumber(dose)).join(' + ')} mg a day`;
}

export function describeDaily(doses: readonly number[]): string {
  return `${describeDoses(doses)} (${formatNumber(doses.reduce((a, b) => a + b, 0))} mg/day)`;
}
