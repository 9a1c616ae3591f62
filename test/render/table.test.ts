import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/render/text/table.js';

const mark = (text: string) => `<${text}>`;

describe('renderTable', () => {
  it('styles text, not the blank lines below a shorter cell, and pads inside the style', () => {
    const table = renderTable(
      [{ header: 'Rule' }, { header: 'Value', wrap: true }],
      [[{ text: 'cap', style: mark }, 'never more than 80 mg a day']],
      { width: 26, ascii: true, headerStyle: mark },
    );
    expect(table.split('\n')).toEqual([
      '+------+-----------------+',
      '| <Rule> | <Value          > |',
      '| <cap > | never more than |',
      '|      | 80 mg a day     |',
      '+------+-----------------+',
    ]);
  });
});
