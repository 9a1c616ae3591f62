// FNV-1a, 64 bits (Fowler–Noll–Vo; the parameters are the published ones): a small deterministic
// hash for iCalendar UIDs. Not cryptographic, and need not be: it only has to be stable and to
// keep a schedule's few dozen slots apart. src/render imports no node: module, so no node:crypto.

const FNV_OFFSET_BASIS = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const BITS = 64n;
const MASK = (1n << BITS) - 1n;
const HEX_DIGITS = 16;

/** FNV-1a 64 of the text's UTF-8 octets, as 16 lower-case hex digits. */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET_BASIS;
  for (const octet of new TextEncoder().encode(text)) {
    hash ^= BigInt(octet);
    hash = (hash * FNV_PRIME) & MASK;
  }
  return hash.toString(16).padStart(HEX_DIGITS, '0');
}
