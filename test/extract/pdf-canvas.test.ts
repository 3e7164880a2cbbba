/**
 * pdf-canvas.ts: reading a PDF's text must not load the @napi-rs/canvas addon (its cost was paid in every worker),
 * and whatever draws later must still get the real classes. Run in a child process on the built code (the suite's global setup builds dist/): the
 * addon, once loaded, stays in a process's module cache, so a test worker that ran other PDF tests cannot tell.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../cli/run.js';

const SCRIPT = `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const { pdfExtractor } = await import(process.argv[1] + '/dist/extract/pdf.js');
const { DEFAULT_LIMITS } = await import(process.argv[1] + '/dist/extract/limits.js');
const bytes = new Uint8Array(readFileSync(process.argv[1] + '/fixtures/documents/containers/text-ja.pdf'));
const result = await pdfExtractor.extract(bytes, { name: 'text-ja.pdf', depth: 0, limits: DEFAULT_LIMITS });
const require = createRequire(process.argv[1] + '/package.json');
const native = () => Object.keys(require.cache).some((k) => k.endsWith('.node') && k.includes('canvas'));
const before = native();
const standIn = globalThis.Path2D;
const path = new globalThis.Path2D();
const real = require('@napi-rs/canvas');
console.log(JSON.stringify({
  ok: result.ok, segments: result.ok ? result.segments.length : 0, nativeAfterText: before, nativeAfterDraw: native(),
  realPath: path instanceof real.Path2D, replaced: globalThis.Path2D === real.Path2D && standIn !== real.Path2D,
  matrix: globalThis.DOMMatrix === real.DOMMatrix,
}));
`;

describe('pdf.js without the canvas addon until something draws', () => {
  it('reads text without loading it, then loads it for a Path2D', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT, REPO_ROOT.replace(/\/$/, '')], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ ok: true, nativeAfterText: false, nativeAfterDraw: true, realPath: true, replaced: true, matrix: true });
    expect(out.segments).toBeGreaterThan(0);
  }, 60_000);
});
