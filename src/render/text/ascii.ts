// Plain ASCII for terminals that cannot show more (TERM=dumb, a locale that is not UTF-8, or
// --ascii): each character titrate prints has a readable stand-in; anything else loses its
// accent, or becomes '?'. Box drawing is not here: tables draw ASCII borders themselves.

const STAND_INS: Readonly<Record<string, string>> = {
  '–': '-',
  '—': '-',
  '−': '-',
  '→': '->',
  '×': 'x',
  '÷': '/',
  '…': '...',
  '½': ' 1/2',
  '’': "'",
  '‘': "'",
  '“': '"',
  '”': '"',
  '·': '-',
  'µ': 'u',
  'μ': 'u',
  '≤': '<=',
  '≥': '>=',
};

export function toAscii(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  let out = '';
  for (const char of text) {
    if (char <= '\u007f') out += char;
    else if (STAND_INS[char] !== undefined) out += STAND_INS[char];
    else {
      const bare = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += /^[\x20-\x7e]+$/.test(bare) ? bare : '?';
    }
  }
  // "1 1/2 x 10 mg": a half after a whole keeps its space; a lone half does not start with one.
  return out.replace(/(^|[\s(])\s1\/2/g, '$11/2');
}
