/**
 * Utf8Batch writes exactly the bytes of the joined pieces in UTF-8, whatever the pieces: long ones, a surrogate
 * pair cut between two pieces, lone surrogates; in buffers of at most 64 KB.
 */
import { describe, expect, it } from 'vitest';
import { Utf8Batch } from '../../src/output/utf8-batch.js';

function written(pieces: readonly string[], flushEvery = 0): { bytes: Buffer; sizes: number[] } {
  const out: Buffer[] = [];
  const batch = new Utf8Batch((bytes) => out.push(Buffer.from(bytes)));
  pieces.forEach((p, i) => {
    batch.write(p);
    if (flushEvery && i % flushEvery === flushEvery - 1) batch.flush();
  });
  batch.flush();
  return { bytes: Buffer.concat(out), sizes: out.map((b) => b.length) };
}

/** A deterministic mix of ASCII, kana, kanji, emoji (pairs) and the odd lone surrogate. */
function pieces(seed: number, count: number): string[] {
  let x = seed;
  const next = (n: number): number => ((x = (x * 1103515245 + 12345) & 0x7fffffff) % n);
  const units = ['a', 'Z', '0', '\n', '"', 'あ', '個', '人', '😀', '𠮷', '\ud800', '\udfff', '—', 'ｱ'];
  return Array.from({ length: count }, () => {
    const len = next(6) === 0 ? next(70_000) : next(40);
    let s = '';
    while (s.length < len) s += units[next(units.length)];
    // Cut some pieces between the two halves of a pair.
    return next(4) === 0 && s.length > 1 ? s.slice(0, -1) : s;
  });
}

describe('Utf8Batch', () => {
  it.each([1, 2, 3, 4, 5])('gives the bytes of Buffer.from(pieces.join("")) (seed %i)', (seed) => {
    const p = pieces(seed, 300);
    const { bytes, sizes } = written(p);
    expect(bytes.equals(Buffer.from(p.join(''), 'utf8'))).toBe(true);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(64 * 1024);
    expect(sizes.length).toBeGreaterThan(1);
  });

  it('encodes a surrogate pair cut between two pieces as one character', () => {
    const { bytes } = written(['x\ud83d', '\ude00y']);
    expect(bytes.toString('utf8')).toBe('x😀y');
  });

  it('writes a lone high surrogate at a flush as U+FFFD, as Buffer.from does', () => {
    const { bytes } = written(['x\ud83d', 'y'], 1);
    expect(bytes.equals(Buffer.concat([Buffer.from('x\ud83d', 'utf8'), Buffer.from('y')]))).toBe(true);
    expect(bytes.toString('utf8')).toBe('x\ufffdy');
  });

  it('cuts a piece longer than its buffer without cutting a pair', () => {
    const long = '😀'.repeat(50_000);
    const { bytes, sizes } = written(['a', long]);
    expect(bytes.toString('utf8')).toBe(`a${long}`);
    expect(sizes.length).toBeGreaterThan(3);
  });

  it('writes nothing for nothing', () => {
    expect(written([]).sizes).toEqual([]);
    expect(written(['', '']).sizes).toEqual([]);
  });
});
