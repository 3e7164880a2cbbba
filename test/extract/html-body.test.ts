import { describe, expect, it } from 'vitest';
import { htmlSegments } from '../../src/extract/html-body.js';

const origin = { part: 'body' };

describe('htmlSegments: an HTML body as text plus table cells with their structure', () => {
  it('gives the text around the tables first, then each table’s cells with header and label', () => {
    const html = '<p>名簿です</p><table><tr><th>氏名</th><th>電話</th></tr><tr><td>山田</td><td>090</td></tr></table><p>以上</p>';
    expect(htmlSegments(html, origin)).toEqual([
      { text: '名簿です\n\n以上', origin },
      { text: '氏名', origin, cell: { table: 1, row: 0, col: 0 } },
      { text: '電話', origin, cell: { table: 1, row: 0, col: 1 } },
      { text: '山田', origin, cell: { table: 1, row: 1, col: 0, headers: ['氏名'] } },
      { text: '090', origin, cell: { table: 1, row: 1, col: 1, headers: ['電話'] } },
    ]);
  });

  it('ignores tables inside comments (Outlook conditionals) and scripts', () => {
    const html = '<!--[if mso]><table><tr><td>氏名</td><td>山田</td></tr></table><![endif]--><script>"<table><tr><td>x</td></tr></table>"</script><p>a</p>';
    expect(htmlSegments(html, origin)).toEqual([{ text: 'a', origin }]);
  });
});
