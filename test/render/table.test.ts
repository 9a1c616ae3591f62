import { describe, expect, it } from 'vitest';
import { addTable, renderTable, type Cell, type Column } from '../../src/render/text/table.js';

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

  it('right-aligns, draws rules between rows and closes each line with its border', () => {
    const table = renderTable(
      [{ header: '#', align: 'right' }, { header: 'Dose' }],
      [
        ['1', '5 mg'],
        ['10', '20 mg'],
      ],
      { width: 40, ascii: false, rules: true },
    );
    expect(table.split('\n')).toEqual([
      '┌────┬───────┐',
      '│  # │ Dose  │',
      '├────┼───────┤',
      '│  1 │ 5 mg  │',
      '├────┼───────┤',
      '│ 10 │ 20 mg │',
      '└────┴───────┘',
    ]);
  });
});

describe('addTable', () => {
  it('adds the table renderTable draws after the pieces already there', () => {
    const columns: Column[] = [{ header: 'Rule', wrap: true }, { header: 'Value', wrap: true }];
    const rows: Cell[][] = [['cap', 'never more than 80 mg a day']];
    const options = { width: 24, ascii: true };
    const pieces = ['Title', '\n'];
    addTable(pieces, columns, rows, options);
    expect(pieces.join('')).toBe(`Title\n${renderTable(columns, rows, options)}`);
  });
});
