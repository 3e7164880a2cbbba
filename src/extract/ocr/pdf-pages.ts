/**
 * pdf-pages: the page image of a PDF page without text, as pdf.js decodes it (DCT/JPEG, CCITT fax G3/G4,
 * JBIG2, Flate…), turned upright and with square pixels, ready for OCR.
 * Input: a pdf.js page. Output: the largest image the page paints, as a grey raster, or why there is none.
 * Uses the pdf.js that pdf-parse loads (same module instance, so the same operator codes); never renders.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { greyFromPdf, PDF_KIND, rotateQuarter, stretchRows, type Grey } from './raster.js';

/** The parts of pdf.js used here (its typings are not loaded by this build). */
interface PdfObjects {
  has(name: string): boolean;
  get(name: string, callback: (data: unknown) => void): void;
}
export interface PdfPage {
  rotate: number;
  objs: PdfObjects;
  commonObjs: PdfObjects;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
}
interface ImageData {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}
type Matrix = [number, number, number, number, number, number];

let ops: Promise<Record<string, number>> | undefined;
function pdfOps(): Promise<Record<string, number>> {
  const fromPdfParse = createRequire(createRequire(import.meta.url).resolve('pdf-parse'));
  ops ??= import(pathToFileURL(fromPdfParse.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href).then((m: { OPS: Record<string, number> }) => m.OPS);
  return ops;
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
}

interface Placed {
  name?: string;
  inline?: ImageData;
  width: number;
  height: number;
  ctm: Matrix;
}

/** Every image the page paints, with the transformation it is drawn with (save/restore/cm, form matrices). */
async function placedImages(page: PdfPage): Promise<Placed[]> {
  const OPS = await pdfOps();
  const { fnArray, argsArray } = await page.getOperatorList();
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const out: Placed[] = [];
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] ?? [];
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) stack.push(ctm);
    if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    if (fn === OPS.paintFormXObjectBegin && Array.isArray(args[0])) ctm = multiply(ctm, args[0] as Matrix);
    if (fn === OPS.paintImageXObject) out.push({ name: String(args[0]), width: Number(args[1]), height: Number(args[2]), ctm });
    if (fn === OPS.paintInlineImageXObject) {
      const inline = args[0] as ImageData;
      out.push({ inline, width: inline.width, height: inline.height, ctm });
    }
  });
  return out;
}

function resolveImage(page: PdfPage, placed: Placed): Promise<ImageData | undefined> {
  if (placed.inline) return Promise.resolve(placed.inline);
  const name = placed.name ?? '';
  const store = page.commonObjs.has(name) ? page.commonObjs : page.objs;
  return new Promise((resolve) => store.get(name, (data) => resolve((data ?? undefined) as ImageData | undefined)));
}

/**
 * Upright, square-pixelled: the image's own axes in page space (the CTM) say how it is drawn, the page's
 * /Rotate how the page is shown; a fax drawn at 204 × 98 dpi has pixels twice as tall as wide.
 */
function upright(g: Grey, ctm: Matrix, rotate: number): Grey {
  const [a, b, c, d] = ctm;
  const drawnW = Math.hypot(a, b);
  const drawnH = Math.hypot(c, d);
  const aspect = drawnW > 0 && drawnH > 0 ? g.width / drawnW / (g.height / drawnH) : 1;
  const square = aspect >= 1.5 ? stretchRows(g, aspect) : g;
  const ccw = Math.round(Math.atan2(b, a) / (Math.PI / 2));
  return rotateQuarter(square, Math.round(rotate / 90) - ccw);
}

/** The page's largest image (by pixels) as an upright grey raster, or the reason there is none. */
export async function pageImage(page: PdfPage, maxPixels: number): Promise<{ grey: Grey; bilevel: boolean } | string> {
  const placed = await placedImages(page);
  const largest = placed.sort((x, y) => y.width * y.height - x.width * x.height)[0];
  if (!largest) return 'no image on this page';
  if (largest.width * largest.height > maxPixels) return `image too large for OCR (${largest.width}×${largest.height} pixels)`;
  const data = await resolveImage(page, largest);
  const grey = data?.data && data.kind !== undefined ? greyFromPdf(data.width, data.height, data.kind, data.data) : undefined;
  if (!grey) return 'image in a form pdf.js does not decode to pixels';
  return { grey: upright(grey, largest.ctm, page.rotate), bilevel: data?.kind === PDF_KIND.GRAYSCALE_1BPP };
}

/** True when the page paints at least one image (a text-less page that is not blank). */
export async function paintsImage(page: PdfPage): Promise<boolean> {
  return (await placedImages(page)).length > 0;
}
