import { describe, expect, it } from 'vitest';
import { htmlPieces } from '../../src/extract/html-tables.js';

describe('htmlPieces: data tables of an HTML body', () => {
  it('gives the innermost tables as grids and keeps the layout table around them as HTML', () => {
    const html = '<table><tr><td><h1>名簿</h1><table><tr><th>氏名</th><th>電話</th></tr><tr><td>山田</td><td>090</td></tr></table></td></tr></table>';
    expect(htmlPieces(html)).toEqual([
      { kind: 'html', html: '<table><tr><td><h1>名簿</h1>' },
      { kind: 'table', rows: [['氏名', '電話'], ['山田', '090']] },
      { kind: 'html', html: '</td></tr></table>' },
    ]);
  });

  it('reads rows and cells whose end tags are omitted, and pads a colspan so columns line up', () => {
    const html = '<TABLE><TR><TH colspan="2">顧客<TR><TD>氏名<TD>山田</TABLE>after';
    expect(htmlPieces(html)).toEqual([
      { kind: 'table', rows: [['顧客', ''], ['氏名', '山田']] },
      { kind: 'html', html: 'after' },
    ]);
  });

  it('keeps two tables side by side apart, and HTML without tables whole', () => {
    expect(htmlPieces('<table><tr><td>a</td></tr></table><p>x</p><table><tr><td>b</td></tr></table>').map((p) => p.kind)).toEqual(['table', 'html', 'table']);
    expect(htmlPieces('<p>no table</p>')).toEqual([{ kind: 'html', html: '<p>no table</p>' }]);
  });

  it('leaves unclosed tables as HTML, also 50,000 of them nested (one pass, no backtracking)', () => {
    expect(htmlPieces('<table><tr><td>a')).toEqual([{ kind: 'html', html: '<table><tr><td>a' }]);
    expect(htmlPieces('<table><tr><td>'.repeat(50_000))).toHaveLength(1);
  });
});
