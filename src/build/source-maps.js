// What the build does to esbuild's source maps: moves their columns along when it escapes a
// bundle's non-ASCII characters, and slims them (see slimmed) to keep the package under 2 MB.

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

/**
 * `map` for the package: without the original names (a segment's fifth number), and with the code
 * bundled from dependencies (node_modules) left unmapped, as their sources are not shipped; a
 * stack trace still leads to titrate's own file, line and column. About half the map's size.
 */
export function slimmed(map) {
  // The sources stay listed (which packages a bundle carries), their segments do not.
  const dependency = map.sources.map((source) => source.includes('node_modules/'));
  // The numbers are relative: to the previous segment on the line (generated column) or anywhere
  // before (source, line, column); decoded to absolute ones and encoded again for what is kept.
  const at = { source: 0, line: 0, column: 0 };
  const written = { source: 0, line: 0, column: 0 };
  const mappings = map.mappings
    .split(';')
    .map((text) => {
      let generated = 0;
      let writtenGenerated = 0;
      let unmapped = false;
      const kept = [];
      for (const segment of text.split(',')) {
        if (segment === '') continue;
        const [delta, sourceDelta, lineDelta, columnDelta] = decodeSegment(segment);
        generated += delta;
        if (sourceDelta !== undefined) {
          at.source += sourceDelta;
          at.line += lineDelta;
          at.column += columnDelta;
        }
        const source = at.source;
        if (sourceDelta === undefined || dependency[source]) {
          // One unmapped segment ends what came before, for a run of dependency code.
          if (!unmapped) kept.push(encodeSegment([generated - writtenGenerated]));
          if (!unmapped) writtenGenerated = generated;
          unmapped = true;
          continue;
        }
        kept.push(encodeSegment([generated - writtenGenerated, source - written.source, at.line - written.line, at.column - written.column]));
        writtenGenerated = generated;
        Object.assign(written, { source, line: at.line, column: at.column });
        unmapped = false;
      }
      return kept.join(',');
    })
    .join(';');
  return { ...map, names: [], mappings };
}
