import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';
import { pdfExtractor } from '../../src/extract/pdf.js';
import type { Segment } from '../../src/model.js';
import { analyzeSegment } from '../../src/scan/analyze-segment.js';
import { RULES, RULE_MAP } from '../helpers.js';

// Fixtures come from scripts/make-pdf-layout-fixtures.js (Word-style runs: digits and kanji in two fonts, a
// gap at each switch); every value in them is synthetic.
async function segmentsOf(name: string): Promise<Segment[]> {
  const bytes = new Uint8Array(readFileSync(new URL(`../../fixtures/documents/pdf-layout/${name}`, import.meta.url)));
  const result = await pdfExtractor.extract(bytes, { name, depth: 0, limits: DEFAULT_LIMITS });
  if (!result.ok) throw new Error(result.reason);
  return result.segments;
}

/** type:value of every finding at medium or above (the CLI default), sorted. */
async function findings(name: string): Promise<string[]> {
  const hits = (await segmentsOf(name)).flatMap((seg) => analyzeSegment(seg, RULES, RULE_MAP, 0.5));
  return hits.map((h) => `${h.type}:${h.value}`).sort();
}

const PERSON = ['address:大阪府大阪市北区梅田2丁目5番10号', 'birth-date:1954-07-18', 'my-number:314159265352', 'person-name:梅田花子'];

describe('PDF forms and tables rebuilt from text positions', () => {
  it.each(['form-left.pdf', 'form-above.pdf'])('%s: every value of the form is found through its label', async (name) => {
    expect(await findings(name)).toEqual(PERSON);
  });

  it('form-left.pdf: the value beside a label carries it, the date and block numbers have no extraction spaces', async () => {
    const cells = (await segmentsOf('form-left.pdf')).filter((s) => s.cell?.label);
    expect(cells.map((s) => [s.cell?.label, s.text])).toEqual([
      ['氏名', '梅田 花子'],
      ['生年月日', '1954年7月18日'],
      ['現住所', '大阪府大阪市北区梅田2丁目5番10号'],
      ['個人番号', '314159265352'],
      ['所属', '経理課'],
    ]);
  });

  it('form-above.pdf: a label line labels the value line under it, and stays in the running text', async () => {
    const segs = await segmentsOf('form-above.pdf');
    expect(segs.find((s) => s.text === '1954年7月18日')?.cell).toEqual({ table: 2, row: 1, col: 0, label: '生年月日' });
    expect(segs[0]).toEqual({ text: '入社手続き確認票\n氏名', origin: { page: 1 }, labelZone: true });
  });

  it('list-table.pdf: columns found from positions, an overflowing header and date cut at the next column', async () => {
    const segs = await segmentsOf('list-table.pdf');
    const row1 = segs.filter((s) => s.cell?.row === 1).map((s) => [s.cell?.headers?.[0], s.text]);
    expect(row1).toEqual([
      ['お名前', '梅田 花子'],
      ['生年月日', '昭和48年11月12日'],
      ['個人番号（マイナンバー）', '271828182840'],
      ['基礎年金番号', '4664329850'],
    ]);
    expect(await findings('list-table.pdf')).toEqual([
      'birth-date:1973-11-12', 'birth-date:1985-02-01', 'my-number:161803398872', 'my-number:271828182840',
      'pension-number:4664329850', 'pension-number:5386645893', 'person-name:北野一郎', 'person-name:梅田花子',
    ]);
  });

  it('lookalike.pdf: order numbers, amounts and shipping dates in a table are nobody’s personal data', async () => {
    expect(await findings('lookalike.pdf')).toEqual([]);
  });
});
