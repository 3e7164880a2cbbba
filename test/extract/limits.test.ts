import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS, withTimeout } from '../../src/extract/limits.js';

describe('DEFAULT_LIMITS', () => {
  it.each([
    ['maxFileSize', 100 * 1024 * 1024],
    ['maxDepth', 5],
    ['maxEntries', 10_000],
    ['maxTotalBytes', 1024 * 1024 * 1024],
    ['maxRatio', 200],
    ['timeoutMs', 30_000],
  ] as const)('%s is %d', (key, value) => {
    expect(DEFAULT_LIMITS[key]).toBe(value);
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
  });
});

describe('withTimeout', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('returns the value when the promise settles in time, and clears its timer', async () => {
    const result = await withTimeout(Promise.resolve(42), 1000, 'a.pdf');
    expect(result).toEqual({ ok: true, value: 42 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('returns a timeout reason naming the file when the promise is late', async () => {
    const pending = withTimeout(new Promise<never>(() => undefined), 30_000, 'docs/big.pdf');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await pending).toEqual({ ok: false, reason: 'timed out after 30000 ms (docs/big.pdf)' });
  });

  it('does not time out one millisecond early', async () => {
    let value: unknown;
    void withTimeout(new Promise<never>(() => undefined), 100, 'x').then((r) => (value = r));
    await vi.advanceTimersByTimeAsync(99);
    expect(value).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(value).toEqual({ ok: false, reason: 'timed out after 100 ms (x)' });
  });

  it('arms no timer for a promise that is settled already (a synchronous extractor)', async () => {
    const timers = vi.spyOn(globalThis, 'setTimeout');
    expect(await withTimeout(Promise.resolve('text'), 30_000, 'a.txt')).toEqual({ ok: true, value: 'text' });
    await expect(withTimeout(Promise.reject(new Error('boom')), 30_000, 'x')).rejects.toThrow('boom');
    expect(timers).not.toHaveBeenCalled();
  });

  it('still arms the timer for a promise that settles later, and clears it', async () => {
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const later = Promise.resolve().then(() => 'pdf');
    expect(await withTimeout(later, 30_000, 'a.pdf')).toEqual({ ok: true, value: 'pdf' });
    expect(timers).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('passes a rejection through (bugs throw)', async () => {
    await expect(withTimeout(Promise.reject(new Error('boom')), 1000, 'x')).rejects.toThrow('boom');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ignores a rejection that comes after the timeout (no unhandled rejection)', async () => {
    const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('late')), 50));
    const pending = withTimeout(late, 10, 'x');
    await vi.advanceTimersByTimeAsync(100);
    expect(await pending).toEqual({ ok: false, reason: 'timed out after 10 ms (x)' });
  });

  it.each([0, -1, Number.POSITIVE_INFINITY, Number.NaN])('treats ms = %d as no limit', async (ms) => {
    const slow = new Promise<string>((resolve) => setTimeout(() => resolve('done'), 1e9));
    const pending = withTimeout(slow, ms, 'x');
    await vi.advanceTimersByTimeAsync(1e9);
    expect(await pending).toEqual({ ok: true, value: 'done' });
  });
});
