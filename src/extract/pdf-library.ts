/**
 * pdf-parse and the pdf.js it runs on, loaded once per thread, without leaving the thread's built-in functions
 * changed for the rest of the scan.
 * pdf.js's legacy build (the one pdf-parse runs in Node) carries core-js polyfills. They add what Node 20 lacks
 * (Promise.withResolvers, the new Set methods, Uint8Array base64…), which pdf.js needs; they also replace
 * built-ins Node has, for corners of the specification pdf.js never reaches: Array.prototype.push became a
 * JavaScript function 4× slower than V8's own (10 million pushes 130 → 490 ms), in every file a worker read
 * after its first PDF, and in pdf.js itself. Once both of its modules are loaded (pdf.mjs, and the
 * pdf.worker.mjs its in-thread worker would otherwise import on first use, polyfilling again), every built-in
 * that was replaced gets its own function back; what was added stays.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

type PdfParse = typeof import('pdf-parse');

/** The built-in objects whose functions are kept: constructors, their prototypes, the namespaces. */
function builtinObjects(): object[] {
  const typedArray = Object.getPrototypeOf(Uint8Array) as object;
  const constructors = [Array, Object, Function, String, Number, Boolean, Symbol, Promise, Map, Set, WeakMap, WeakSet, RegExp, Date, Error, ArrayBuffer, DataView, Uint8Array, typedArray];
  const prototypes = constructors.map((c) => (c as { prototype: object }).prototype);
  return [...constructors, ...prototypes, Math, JSON, Reflect];
}

interface Kept {
  target: object;
  key: string | symbol;
  descriptor: PropertyDescriptor;
}

/** Every own property of the built-in objects, as it is now. */
export function keepBuiltins(): Kept[] {
  const kept: Kept[] = [];
  for (const target of builtinObjects()) {
    for (const key of Reflect.ownKeys(target)) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor) kept.push({ target, key, descriptor });
    }
  }
  return kept;
}

function same(a: PropertyDescriptor, b: PropertyDescriptor | undefined): boolean {
  return b !== undefined && Object.is(a.value, b.value) && a.get === b.get && a.set === b.set;
}

/** Puts back each kept property that was replaced since; returns their names (`Array.prototype.push`…). */
export function restoreBuiltins(kept: readonly Kept[]): string[] {
  const restored: string[] = [];
  for (const { target, key, descriptor } of kept) {
    if (same(descriptor, Object.getOwnPropertyDescriptor(target, key))) continue;
    Object.defineProperty(target, key, descriptor);
    restored.push(String(key));
  }
  return restored;
}

let loading: Promise<PdfParse> | undefined;

/** pdf-parse, with pdf.js's worker module loaded too and the built-ins as they were before (see above). */
export function loadPdfParse(): Promise<PdfParse> {
  loading ??= (async () => {
    const kept = keepBuiltins();
    try {
      const library = await import('pdf-parse');
      const fromPdfParse = createRequire(createRequire(import.meta.url).resolve('pdf-parse'));
      await import(pathToFileURL(fromPdfParse.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href);
      return library;
    } finally {
      restoreBuiltins(kept);
    }
  })();
  return loading;
}
