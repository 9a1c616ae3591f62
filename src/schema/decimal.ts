// Numbers as decimals, for the checks that must be exact: whether an amount lies on the dose grid
// (a whole number of 0.5 mg or 2.5 mg units). Dividing floats is not exact: 5e-324 ÷ 2.5
// underflows to 0, a whole number, so the smallest positive double passed as a multiple of 2.5
// and a planner stepping by it never ended. Here the value is read as the decimal it was written
// as (text), or the shortest decimal that names the double (a JSON number), and divided exactly.

/** value = digits × 10^exponent. */
interface Decimal {
  readonly digits: bigint;
  readonly exponent: number;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d{1,4}))?$/i;

/** The exact decimal a text or a finite number names; null for anything else. */
function decimalOf(value: number | string): Decimal | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  // String(n) is the shortest decimal that reads back as n: `5e-324`, `2.5`, `1e+21`.
  const match = DECIMAL_TEXT.exec(typeof value === 'number' ? String(value) : value.trim());
  if (!match) return null;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return null;
  return { digits: BigInt(`${sign}${whole}${fraction}`), exponent: Number(exponent) - fraction.length };
}

/**
 * Whether `value` is a whole number of `unit`s, exactly: `7.5` of 2.5 is, `5e-324` and
 * `5.000…0001` are not. Callers bound the value's range first, which bounds the work.
 */
export function isWholeMultipleOf(value: number | string, unit: number): boolean {
  const amount = decimalOf(value);
  const step = decimalOf(unit);
  if (amount === null || step === null || step.digits === 0n) return false;
  const exponent = Math.min(amount.exponent, step.exponent);
  const scaled = (decimal: Decimal) => decimal.digits * 10n ** BigInt(decimal.exponent - exponent);
  return scaled(amount) % scaled(step) === 0n;
}
