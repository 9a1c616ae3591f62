import type { RenderOptions } from './render-options.js';
import { proseFor } from './text/prose.js';
import { sources, type SourceKey } from '../protocol/source-documents.js';

/**
 * Each cited source by key with its title, and its address whole on a line of its own (a terminal
 * may fold one longer than the width, but it is never cut); in the order of the source list (S1,
 * S3 … S15, R1 …), not alphabetical (S1, S11, S7).
 */
export function sourceLines(cited: ReadonlySet<SourceKey>, options: RenderOptions): string[] {
  const prose = proseFor(options);
  return (Object.keys(sources) as SourceKey[])
    .filter((known) => cited.has(known))
    .flatMap((key) => {
      const { citation, url }: { readonly citation: string; readonly url: string | null } = sources[key];
      if (url === null) return [prose(`  ${key.padEnd(8)}${citation}`, 10)];
      // Under the title where it fits, else further left.
      const indent = url.length + 10 <= options.width ? 10 : url.length + 2 <= options.width ? 2 : 0;
      return [prose(`  ${key.padEnd(8)}${citation}`, 10), `${' '.repeat(indent)}${url}`];
    });
}
