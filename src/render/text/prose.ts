import type { RenderOptions } from '../render-options.js';
import { toAscii } from './ascii.js';
import { wrapHanging } from './wrap.js';

/**
 * Prose for a terminal: wrapped to the width with a hanging indent, in plain ASCII when asked
 * (transliterated before it is wrapped, so the lines still fit).
 */
export function proseFor(options: Pick<RenderOptions, 'width' | 'ascii'>): (text: string, indent?: number) => string {
  return (text, indent = 0) => wrapHanging(options.ascii ? toAscii(text) : text, options.width, indent);
}
