import { describe, expect, it } from 'vitest';
import type { FileResult, Finding } from '../../src/model.js';
import { isUnlabelledSensitive } from '../../src/scan/only-unlabelled.js';
import { summarize } from '../../src/scan/scan.js';

const finding = (type: string): Finding => ({ type, confidence: 0.95, level: 'high', location: {}, value: 'v', masked: 'm', fingerprint: 'f' });
const file = (path: string, labelled: boolean, sensitive: boolean): FileResult => ({
  path,
  format: 'text',
  status: 'scanned',
  labels: labelled ? ['社外秘'] : [],
  labelled,
  risk: sensitive ? 0.95 : 0.1,
  sensitive,
  findings: sensitive ? [finding('my-number'), ...(labelled ? [] : [finding('unlabelled-sensitive-file')])] : [],
});

describe('isUnlabelledSensitive', () => {
  it('keeps the sensitive files without a label, with their findings, and recounts', () => {
    const files = [file('a.csv', false, true), file('b.csv', true, true), file('c.txt', false, false)];
    const narrowed = files.filter(isUnlabelledSensitive);
    expect(narrowed.map((f) => f.path)).toEqual(['a.csv']);
    expect(summarize(narrowed)).toMatchObject({ files: 1, findings: 2, byType: { 'my-number': 1, 'unlabelled-sensitive-file': 1 } });
  });
});
