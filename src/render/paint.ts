/**
 * How a renderer marks up text for a terminal: each role a function, so renderers never depend
 * on a colour library. The CLI passes one backed by chalk; everything else gets plain text.
 */
export interface Paint {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly italic: (text: string) => string;
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly info: (text: string) => string;
  readonly ok: (text: string) => string;
  readonly bar: (text: string) => string;
}

const same = (text: string): string => text;

/** No markup at all. */
export const plainPaint: Paint = { bold: same, dim: same, italic: same, error: same, warning: same, info: same, ok: same, bar: same };
