import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emlExtractor } from '../../src/extract/eml.js';
import { msgExtractor } from '../../src/extract/msg.js';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';
import type { Segment } from '../../src/model.js';
import { analyzeSegment } from '../../src/scan/analyze-segment.js';
import { RULES, RULE_MAP } from '../helpers.js';

// Fixtures come from scripts/make-html-mail-fixtures.js (HTML-only messages); every value in them is synthetic.
async function segmentsOf(name: string): Promise<Segment[]> {
  const bytes = new Uint8Array(readFileSync(new URL(`../../fixtures/documents/html-mail/${name}`, import.meta.url)));
  const extractor = name.endsWith('.msg') ? msgExtractor : emlExtractor;
  const result = await extractor.extract(bytes, { name, depth: 0, limits: DEFAULT_LIMITS });
  if (!result.ok) throw new Error(result.reason);
  return result.segments;
}

/** type:value of every finding at medium or above (the CLI default) in the body, sorted. */
async function findings(name: string): Promise<string[]> {
  const body = (await segmentsOf(name)).filter((s) => s.origin.part === 'body');
  return body.flatMap((seg) => analyzeSegment(seg, RULES, RULE_MAP, 0.5)).map((h) => `${h.type}:${h.value}`).sort();
}

describe('HTML e-mail bodies: tables and forms keep their labels', () => {
  it('label-table.eml: a <th> label names the <td> value beside it', async () => {
    const segs = await segmentsOf('label-table.eml');
    expect(segs.find((s) => s.text === '4664329850')?.cell).toEqual({ table: 1, row: 3, col: 1, label: '基礎年金番号' });
    expect(await findings('label-table.eml')).toEqual([
      'bank-account:1234567', 'birth-date:1954-07-18', 'my-number:314159265352', 'pension-number:4664329850', 'person-name:梅田花子',
    ]);
  });

  it('roster.eml: the header row of a table nested in a layout table names each column', async () => {
    const segs = await segmentsOf('roster.eml');
    expect(segs.find((s) => s.text === '1985/2/1')?.cell).toEqual({ table: 1, row: 2, col: 1, headers: ['誕生日'] });
    expect(segs.find((s) => s.cell === undefined && s.origin.part === 'body')?.text).toBe('社員名簿');
    expect(await findings('roster.eml')).toEqual([
      'birth-date:1954-07-18', 'birth-date:1985-02-01', 'my-number:161803398872', 'my-number:271828182840', 'person-name:北野一郎', 'person-name:梅田花子',
    ]);
  });

  it('dl-form.eml: <dt>/<dd> and <label> pairs stay apart and next to their labels', async () => {
    expect((await segmentsOf('dl-form.eml')).find((s) => s.origin.part === 'body')?.text).toBe('お名前\t梅田 花子\n生年月日\t1954年7月18日\n基礎年金番号\t4664329850');
    expect(await findings('dl-form.eml')).toEqual(['birth-date:1954-07-18', 'pension-number:4664329850', 'person-name:梅田花子']);
  });

  it('lookalike.eml: order numbers, amounts and dates in a table are nobody’s personal data', async () => {
    expect(await findings('lookalike.eml')).toEqual([]);
  });
});

describe('HTML-only Outlook items (.msg): the HTML body is read as an e-mail’s is', () => {
  it('label-table.msg: a <th> label names the <td> value beside it', async () => {
    const segs = await segmentsOf('label-table.msg');
    expect(segs.find((s) => s.text === '4664329850')?.cell).toEqual({ table: 1, row: 3, col: 1, label: '基礎年金番号' });
    expect(await findings('label-table.msg')).toEqual(await findings('label-table.eml'));
  });

  it('roster.msg: the header row names each column, as in roster.eml', async () => {
    const segs = await segmentsOf('roster.msg');
    expect(segs.find((s) => s.text === '1985/2/1')?.cell).toEqual({ table: 1, row: 2, col: 1, headers: ['誕生日'] });
    expect(await findings('roster.msg')).toEqual([
      'birth-date:1954-07-18', 'birth-date:1985-02-01', 'my-number:161803398872', 'my-number:271828182840', 'person-name:北野一郎', 'person-name:梅田花子',
    ]);
  });

  it('lookalike.msg: an order table stays nobody’s personal data', async () => {
    expect(await findings('lookalike.msg')).toEqual([]);
  });
});
