import { plural } from '../engine/wording.js';
import type { Paint } from './paint.js';

/** What a verdict is about: a check, a plan or a taper. */
interface Judged {
  readonly ok: boolean;
  readonly findings: readonly { readonly severity: string }[];
}

/** `Result: passes (0 errors, 1 warning)` or `Result: FAILS (…)`: check's verdict, and plan's and taper's. */
export function verdictText(result: Judged): string {
  const count = (severity: 'error' | 'warning') => result.findings.filter((item) => item.severity === severity).length;
  const tally = `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}`;
  return result.ok ? `Result: passes (${tally})` : `Result: FAILS (${tally})`;
}

export function verdict(result: Judged, paint: Paint): string {
  return result.ok ? paint.ok(verdictText(result)) : paint.error(verdictText(result));
}

