/**
 * Special-care column headers of delimited text: a header that is a field label counts for the whole table only
 * when data rows follow it (scanSpecialCare tableTriggers), read as NFKC like every label.
 */
import { describe, expect, it } from 'vitest';
import { loadVocabulary } from '../../src/appi/load-vocabulary.js';
import { scanSpecialCare } from '../../src/appi/special-care-scan.js';
import type { Segment } from '../../src/model.js';

const vocab = loadVocabulary();
const csv = (text: string, headers: string[]): Segment => ({ text, origin: { line: 1, column: 1 }, table: { delimiter: ',', headers } });

describe('scanSpecialCare: column headers', () => {
  it('a field header over data rows is a trigger for the whole table', () => {
    const found = scanSpecialCare(csv('氏名,宗教\n山田,なし\n', ['氏名', '宗教']), vocab);
    expect(found).toEqual([expect.objectContaining({ category: 'creed', kind: 'field', word: '宗教', record: expect.objectContaining({ near: Number.MAX_SAFE_INTEGER }) })]);
  });

  it('a field header (full-width spacing, NFKC) counts the same', () => {
    expect(scanSpecialCare(csv('氏名,宗教\n山田,仏教\n', ['氏名', ' 宗教 ']), vocab).map((t) => t.word)).toEqual(['宗教']);
  });

  it('no trigger for a header row alone, or followed only by blank lines', () => {
    expect(scanSpecialCare(csv('氏名,宗教', ['氏名', '宗教']), vocab)).toEqual([]);
    expect(scanSpecialCare(csv('氏名,宗教\n \n\t\n', ['氏名', '宗教']), vocab)).toEqual([]);
  });

  it('no trigger for headers that are not fields, whatever the rows', () => {
    expect(scanSpecialCare(csv('氏名,部署\n山田,総務\n', ['氏名', '部署']), vocab)).toEqual([]);
  });
});
