/**
 * engine: one tesseract.js worker per thread, started on the first page and reused for the next ones.
 * Input: an image (PNG, JPEG or PNM bytes) and a time limit. Output: the recognised text and mean
 * confidence, or the reason it could not be read.
 * Never touches the network or the disk beyond reading the model and core shipped in node_modules: the
 * language data is read from @tesseract.js-data/jpn (4.0.0_best_int) by path (tesseract.js fetches only
 * when langPath is a URL or unset), the wasm core is required from tesseract.js-core, and `cacheMethod:
 * 'none'` stops it writing `jpn.traineddata` into the current folder. tesseract.js is imported lazily: a
 * scan without --ocr never loads it.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type Tesseract from 'tesseract.js';

/** A recognised word and where it is on its line (pixels). */
export interface OcrWord {
  text: string;
  x0: number;
  x1: number;
}
/** One line of words; `height` is the line's box height, the scale for the gaps between words. */
export interface OcrLine {
  words: OcrWord[];
  height: number;
}
export type Recognised = { ok: true; text: string; lines: OcrLine[]; confidence: number } | { ok: false; reason: string };

function linesOf(blocks: Tesseract.Block[] | null): OcrLine[] {
  return (blocks ?? []).flatMap((b) =>
    b.paragraphs.flatMap((p) => p.lines.map((l) => ({ height: l.bbox.y1 - l.bbox.y0, words: l.words.map((w) => ({ text: w.text, x0: w.bbox.x0, x1: w.bbox.x1 })) }))),
  );
}

/** The model folder, resolved from the package so a copy elsewhere in node_modules is never picked. */
export function modelDirectory(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tesseract.js-data/jpn/package.json')), '4.0.0_best_int');
}

/** OEM 1: LSTM only, the engine the best_int model is made for (and the smaller core). */
const LSTM_ONLY = 1;
/**
 * In the main thread (a small scan without workers) an idle engine is stopped so the process can exit;
 * in a pool worker it lives as long as the worker, which the pool terminates at the end of the scan.
 */
const IDLE_MS = 300;

let current: Promise<Tesseract.Worker> | undefined;
let idle: NodeJS.Timeout | undefined;

async function start(): Promise<Tesseract.Worker> {
  const { createWorker } = await import('tesseract.js');
  return createWorker('jpn', LSTM_ONLY, { langPath: modelDirectory(), cacheMethod: 'none', gzip: true });
}

function engine(): Promise<Tesseract.Worker> {
  clearTimeout(idle);
  current ??= start();
  return current;
}

/** Stops the engine (its thread ends); the next page starts a fresh one. */
export async function stopEngine(): Promise<void> {
  clearTimeout(idle);
  const running = current;
  current = undefined;
  if (running) await running.then((w) => w.terminate()).catch(() => undefined);
}

function release(): void {
  if (!isMainThread) return;
  clearTimeout(idle);
  idle = setTimeout(() => void stopEngine(), IDLE_MS);
  idle.unref();
}

/** Pages wait here for the engine: one page at a time, so a page's time limit counts only its own work. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Recognises one image. tesseract cannot be interrupted inside a page, so a page over `timeoutMs` stops
 * the engine (its thread is terminated) and the next page starts a new one. Starting the engine (≈0.5 s,
 * model loading) is not counted against the page.
 */
export function recognise(image: Uint8Array, timeoutMs: number, rotateRadians = 0): Promise<Recognised> {
  const turn = queue.then(() => recogniseNow(image, timeoutMs, rotateRadians));
  queue = turn.catch(() => undefined);
  return turn;
}

async function recogniseNow(image: Uint8Array, timeoutMs: number, rotateRadians: number): Promise<Recognised> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const worker = await engine();
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), timeoutMs);
    });
    const work = worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), { rotateRadians }, { text: true, blocks: true });
    const result = await Promise.race([work, late]);
    if (result === 'late') {
      work.catch(() => undefined);
      await stopEngine();
      return { ok: false, reason: `OCR timed out after ${Math.round(timeoutMs / 1000)} s` };
    }
    return { ok: true, text: result.data.text, lines: linesOf(result.data.blocks), confidence: result.data.confidence };
  } catch (error) {
    // A worker that failed (a bad image aborts the wasm core) is not reused.
    await stopEngine();
    return { ok: false, reason: `OCR failed: ${String((error as Error)?.message ?? error).split('\n')[0]}` };
  } finally {
    clearTimeout(timer);
    release();
  }
}
