/**
 * JSON text safe to split on any line terminator: U+2028 and U+2029 (which JSON.stringify leaves
 * as they are, being valid in JSON strings) and U+0085 (NEL) become \u escapes, so a reader that
 * splits NDJSON on Unicode line breaks still sees one record a line. They can occur only inside
 * strings, where the escape means the same character.
 */
export function escapeLineBreaks(jsonText: string): string {
  return /[\u0085\u2028\u2029]/.test(jsonText) ? jsonText.replace(/[\u0085\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`) : jsonText;
}
