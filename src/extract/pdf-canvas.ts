/**
 * Keeps pdf.js from loading @napi-rs/canvas until something really draws. pdf.js (legacy build, in Node) requires
 * it when imported, only to polyfill DOMMatrix, ImageData and Path2D for rendering; loading it (a 30 MB native
 * addon that also lists the system's font folders) cost each worker ≈ 200 ms of CPU and 1–1.5 s of wall time,
 * and reading a PDF's text never renders. So, before pdf.js is imported: DOMMatrix comes from the addon's own
 * pure-JS geometry module (the very class it would export), ImageData and Path2D are stand-ins that load the
 * addon on first use and put its real classes in their place, and pdf.js's `require('@napi-rs/canvas')` gets a
 * module whose every property loads the real one.
 * Never changes what pdf.js does with the addon once loaded; does nothing if the addon was loaded already.
 */
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';

type CanvasModule = Record<string, unknown> & { ImageData: new (...args: unknown[]) => object; Path2D: new (...args: unknown[]) => object };

let deferred = false;

export function deferCanvas(): void {
  if (deferred) return;
  deferred = true;
  const fromPdfParse = createRequire(createRequire(import.meta.url).resolve('pdf-parse'));
  const require = createRequire(fromPdfParse.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
  let path: string;
  try {
    path = require.resolve('@napi-rs/canvas');
  } catch {
    return; // not installed: pdf.js warns and reads text without it, as before
  }
  if (require.cache[path]) return;
  const real = (): CanvasModule => loadReal(require, path);
  const globals = globalThis as Record<string, unknown>;
  globals.DOMMatrix ??= (require(join(dirname(path), 'geometry.js')) as { DOMMatrix: unknown }).DOMMatrix;
  globals.ImageData ??= standIn('ImageData', real);
  globals.Path2D ??= standIn('Path2D', real);
  const stub = new Module(path);
  stub.filename = path;
  stub.loaded = true;
  stub.exports = new Proxy({}, { get: (_target, key) => real()[key as string] });
  require.cache[path] = stub;
}

let loaded: CanvasModule | undefined;

/** The real addon; its classes replace the stand-ins that are still in place. */
function loadReal(require: NodeJS.Require, path: string): CanvasModule {
  if (loaded) return loaded;
  delete require.cache[path];
  loaded = require(path) as CanvasModule;
  const globals = globalThis as Record<string, unknown>;
  for (const name of ['ImageData', 'Path2D'] as const) if ((globals[name] as { standIn?: boolean } | undefined)?.standIn) globals[name] = loaded[name];
  return loaded;
}

/** A constructor that builds the real class's instance (and, by loading it, puts the real class in its place). */
function standIn(name: 'ImageData' | 'Path2D', real: () => CanvasModule): unknown {
  const construct = function (...args: unknown[]): object {
    return new (real()[name])(...args);
  };
  return Object.assign(construct, { standIn: true });
}
