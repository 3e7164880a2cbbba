/**
 * The Office extractors: OOXML (xlsx/xlsm, docx/docm, pptx/pptm), Excel binary (xlsb), OpenDocument
 * (ods/odt) and the 97–2003 binaries (doc, xls, ppt), all read in memory by JavaScript (no converter). Each
 * matches by extension AND leading bytes: a zip for OOXML / ODF / xlsb, an OLE compound file for the binaries
 * and for password-protected OOXML (Office wraps those in OLE).
 * Input: name + head to choose; bytes to extract. Output: ExtractResult with `format` = the extension.
 * Never reads a file whose bytes contradict its extension (the registry falls back to content sniffing).
 */
import type { ExtractContext, ExtractResult, Extractor } from '../../model.js';
import { ENCRYPTED_REASON, cfbHasStream, isCfb, isZip } from './cfb.js';

// The readers (yauzl, word-extractor…) load on the first file that needs them: a scan of plain text, a
// pre-commit hook above all, never pays for them.
const extractXlsx: Run = async (b, c, f) => (await import('./xlsx.js')).extractXlsx(b, c, f);
const extractDocx: Run = async (b, c, f) => (await import('./docx.js')).extractDocx(b, c, f);
const extractPptx: Run = async (b, c, f) => (await import('./pptx.js')).extractPptx(b, c, f);
const extractOpenDocument: Run = async (b, c, f) => (await import('./opendocument.js')).extractOpenDocument(b, c, f);
const extractDoc = async (b: Uint8Array, f?: string): Promise<ExtractResult> => (await import('./legacy.js')).extractDoc(b, f);
const extractXls = async (b: Uint8Array, c: ExtractContext, f: 'xls' | 'xlsb'): Promise<ExtractResult> => (await import('./xls.js')).extractSheetJs(b, c, f);
const extractPpt = async (b: Uint8Array): Promise<ExtractResult> => (await import('./ppt.js')).extractPpt(b);

export const OFFICE_FORMATS = ['xlsx', 'xlsm', 'xlsb', 'docx', 'docm', 'pptx', 'pptm', 'ods', 'odt', 'doc', 'xls', 'ppt'] as const;
export type OfficeFormat = (typeof OFFICE_FORMATS)[number];

/** The Office format named by a file's extension (case-insensitive), if any. */
export function officeFormatOf(name: string): OfficeFormat | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase();
  return OFFICE_FORMATS.find((f) => f === ext);
}

type Run = (bytes: Uint8Array, ctx: ExtractContext, format: OfficeFormat) => Promise<ExtractResult>;

/** The binary format a mis-named OLE file really is (a .doc saved with a .docx name still opens in Word). */
const LEGACY_OF: Partial<Record<OfficeFormat, 'doc' | 'xls' | 'ppt'>> = {
  xlsx: 'xls', xlsm: 'xls', xlsb: 'xls', docx: 'doc', docm: 'doc', pptx: 'ppt', pptm: 'ppt',
};

/** Reads an OLE binary as the 97–2003 format it is; `format` stays the name's (an .xls named .xlsx says xlsx). */
async function extractLegacy(bytes: Uint8Array, ctx: ExtractContext, legacy: 'doc' | 'xls' | 'ppt'): Promise<ExtractResult> {
  if (legacy === 'xls') return extractXls(bytes, ctx, 'xls');
  if (legacy === 'ppt') return extractPpt(bytes);
  return extractDoc(bytes);
}

async function extractOle(bytes: Uint8Array, ctx: ExtractContext, format: OfficeFormat): Promise<ExtractResult> {
  // [MS-OFFCRYPTO] 2.3.4.4: an encrypted OOXML package is an OLE file holding an EncryptedPackage stream.
  if (cfbHasStream(bytes, 'EncryptedPackage')) return { ok: false, format, status: 'skipped', reason: ENCRYPTED_REASON };
  return extractLegacy(bytes, ctx, LEGACY_OF[format] ?? 'doc');
}

function officeExtractor(format: OfficeFormat, formats: readonly OfficeFormat[], run: Run): Extractor {
  const isOoxml = LEGACY_OF[format] !== undefined;
  const accepts = (head: Uint8Array): boolean =>
    format === 'doc' || format === 'xls' || format === 'ppt' ? isCfb(head) : isZip(head) || (isOoxml && isCfb(head));
  return {
    format,
    matches(name, head) {
      const f = officeFormatOf(name);
      return f !== undefined && formats.includes(f) && accepts(head);
    },
    async extract(bytes, ctx) {
      const f = officeFormatOf(ctx.name) ?? format;
      if (isOoxml && isCfb(bytes)) return extractOle(bytes, ctx, f);
      if (!accepts(bytes)) return { ok: false, format: f, status: 'error', reason: `not a valid .${f} file (unexpected leading bytes)` };
      return run(bytes, ctx, f);
    },
  };
}

export const officeExtractors: Extractor[] = [
  officeExtractor('xlsx', ['xlsx', 'xlsm'], extractXlsx),
  officeExtractor('docx', ['docx', 'docm'], extractDocx),
  officeExtractor('pptx', ['pptx', 'pptm'], extractPptx),
  officeExtractor('ods', ['ods', 'odt'], extractOpenDocument),
  officeExtractor('doc', ['doc'], (bytes, _ctx, f) => extractDoc(bytes, f)),
  officeExtractor('xls', ['xls'], (bytes, ctx) => extractXls(bytes, ctx, 'xls')),
  officeExtractor('xlsb', ['xlsb'], (bytes, ctx) => extractXls(bytes, ctx, 'xlsb')),
  officeExtractor('ppt', ['ppt'], (bytes) => extractPpt(bytes)),
];
