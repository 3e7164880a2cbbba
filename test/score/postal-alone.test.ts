import { describe, expect, it } from 'vitest';
import { PostalAlone, POSTAL_ALONE_CAP } from '../../src/score/postal-alone.js';
import type { SegmentHit } from '../../src/scan/analyze-segment.js';

// Synthetic values: postal codes of public places, a fictitious phone number.
const hit = (type: string, confidence: number, line: number, extra: Partial<SegmentHit> = {}): SegmentHit => ({ type, value: `${type}-${line}`, confidence, location: { line }, ...extra });
const lines = (hits: readonly SegmentHit[]) => hits.map((h) => `${h.type}@${h.location.line}:${h.confidence}`);

describe('PostalAlone (a postal code alone in its file is low)', () => {
  it('caps the postal codes of a file with no other personal value, keeping every hit in order', () => {
    const p = new PostalAlone(() => true);
    const now = p.take([hit('email', 0.65, 1), hit('postal-code', 0.85, 2), hit('email', 0.65, 3), hit('postal-code', 0.3, 4)]);
    expect(lines(now)).toEqual(['email@1:0.65']);
    expect(lines(p.take([hit('postal-code', 0.99, 5)]))).toEqual([]);
    expect(lines(p.finish())).toEqual([`postal-code@2:${POSTAL_ALONE_CAP}`, 'email@3:0.65', 'postal-code@4:0.3', `postal-code@5:${POSTAL_ALONE_CAP}`]);
  });

  it('lets them through as scored once another personal value arrives, even in a later batch', () => {
    const p = new PostalAlone(() => true);
    expect(p.take([hit('postal-code', 0.85, 1), hit('address', 0.4, 2)])).toEqual([]);
    expect(lines(p.take([hit('phone', 0.85, 9), hit('postal-code', 0.65, 10)]))).toEqual(['postal-code@1:0.85', 'address@2:0.4', 'phone@9:0.85', 'postal-code@10:0.65']);
    expect(p.finish()).toEqual([]);
  });

  it('is not vouched for by a low value, a suppressed one or an allowlisted one', () => {
    const allowlisted = hit('phone', 0.9, 3);
    const p = new PostalAlone((h) => h !== allowlisted);
    const later = [hit('person-name', 0.45, 2), allowlisted, hit('my-number', 0.99, 4, { suppressed: {} })];
    expect(p.take([hit('postal-code', 0.85, 1), ...later])).toEqual([]);
    expect(p.finish().map((h) => h.confidence)).toEqual([POSTAL_ALONE_CAP, 0.45, 0.9, 0.99]);
  });

  it('leaves a suppressed postal code as scored (a waiver is listed for review)', () => {
    const p = new PostalAlone(() => true);
    const waived = [hit('postal-code', 0.85, 1, { suppressed: { reason: 'demo' } })];
    expect(p.take(waived)).toEqual(waived);
    expect(p.take([hit('postal-code', 0.85, 2)])).toEqual([]);
    expect(p.finish().map((h) => h.confidence)).toEqual([POSTAL_ALONE_CAP]);
  });

  it('holds nothing in a file without a postal code at medium or above', () => {
    const p = new PostalAlone(() => true);
    const hits = [hit('email', 0.65, 1), hit('postal-code', 0.4, 2)];
    expect(p.take(hits)).toEqual(hits);
    expect(p.finish()).toEqual([]);
  });
});
