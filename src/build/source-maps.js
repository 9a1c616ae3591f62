// What the build does to esbuild's source maps: moves their columns along when it escapes a
// bundle's non-ASCII characters, and leaves out the original names, which keep the package under
// 2 MB (a stack trace still gives the source file, line and column).

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The numbers of one source-map segment (base64 VLQ). */
function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

function encodeSegment(values) {
  let text = '';
  for (const signed of values) {
    let value = signed < 0 ? (-signed << 1) | 1 : signed << 1;
    do {
      let digit = value & 31;
      value >>>= 5;
      if (value > 0) digit |= 32;
      text += BASE64[digit];
    } while (value > 0);
  }
  return text;
}

/**
 * Non-ASCII characters esbuild leaves in a bundle (in regular expression literals) escaped as
 * \\uXXXX: `code` in ASCII, and `map` (a parsed source map of it) with its generated columns moved to fit (each escape makes
 * its line 5 characters longer after it).
 */
export function escapeNonAscii(code, map) {
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  const escapedLines = lines.map((line, lineIndex) => {
    const columns = [];
    const escaped = line.replace(/[^\x00-\x7f]/g, (char, column) => {
      columns.push(column);
      return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    });
    if (columns.length > 0 && mappingLines[lineIndex]) {
      let column = 0;
      let movedColumn = 0;
      mappingLines[lineIndex] = mappingLines[lineIndex]
        .split(',')
        .map((segment) => {
          const [delta, ...rest] = decodeSegment(segment);
          column += delta;
          const moved = column + 5 * columns.filter((at) => at < column).length;
          const text = encodeSegment([moved - movedColumn, ...rest]);
          movedColumn = moved;
          return text;
        })
        .join(',');
    }
    return escaped;
  });
  return { code: escapedLines.join('\n'), map: { ...map, mappings: mappingLines.join(';') } };
}

/** `map` without its original names (a segment's fifth number), a sixth of its size. */
export function withoutNames(map) {
  const mappings = map.mappings
    .split(';')
    .map((line) =>
      line
        .split(',')
        .map((segment) => (segment === '' ? segment : encodeSegment(decodeSegment(segment).slice(0, 4))))
        .join(','),
    )
    .join(';');
  return { ...map, names: [], mappings };
}
