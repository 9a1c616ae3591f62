// Ids made from content, so the same schedule always gives the same FHIR ids and the output is
// reproducible (no clock, no randomness, no node:crypto in a pure layer). Four 32-bit lanes of a
// multiply–xor hash over the text's UTF-16 code units, each finished with MurmurHash3's fmix32;
// not cryptographic: it only has to keep a document's own ids apart, which the tests check.

/** Starting states of the four lanes: the first hexadecimal digits of π. */
const LANE_SEEDS = [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344] as const;
/** Odd multipliers, one a lane (the xxHash32 primes). */
const LANE_PRIMES = [0x9e3779b1, 0x85ebca77, 0xc2b2ae3d, 0x27d4eb2f] as const;
/** MurmurHash3's fmix32 constants. */
const FMIX = [0x85ebca6b, 0xc2b2ae35] as const;
const HEX_DIGITS_PER_LANE = 8;

function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, FMIX[0]);
  h ^= h >>> 13;
  h = Math.imul(h, FMIX[1]);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 128 bits of `text` as four 32-bit numbers. */
export function hash128(text: string): [number, number, number, number] {
  const lanes: number[] = [...LANE_SEEDS];
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    for (let lane = 0; lane < lanes.length; lane += 1) {
      // Each lane also takes in its neighbour, so a difference spreads to all four.
      const mixed = (lanes[lane] ?? 0) ^ code ^ ((lanes[(lane + 1) % lanes.length] ?? 0) >>> 15);
      lanes[lane] = Math.imul(mixed, LANE_PRIMES[lane] ?? 1) >>> 0;
    }
  }
  const [a = 0, b = 0, c = 0, d = 0] = lanes.map((lane) => fmix32(lane ^ text.length));
  return [fmix32(a ^ d), fmix32(b ^ a), fmix32(c ^ b), fmix32(d ^ c)];
}

/**
 * A UUID (RFC 9562 version 8: "custom", here content-derived) from `text`, lower case as FHIR's
 * `urn:uuid:` requires: the same text always gives the same UUID.
 */
export function contentUuid(text: string): string {
  const hex = hash128(text)
    .map((lane) => lane.toString(16).padStart(HEX_DIGITS_PER_LANE, '0'))
    .join('');
  // Version 8 in the 13th digit; the variant (binary 10) in the top bits of the 17th.
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0b0011) | 0b1000).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
