/**
 * msg: an Outlook item (.msg, [MS-OXMSG]) read by `@kenjiuno/msgreader`, like an e-mail (eml.ts).
 * Input: the file's bytes. Output: a `{part: 'headers'}` segment (Subject, From, To, Cc, Bcc; a label zone),
 * `{part: 'body'}` segments (plain body, else the HTML body read as eml.ts reads it — text, and each data
 * table's cells with their labels and column headers — else the compressed RTF body decoded by rtf.ts) and
 * one child per attachment; an embedded message becomes a child `.msg` scanned the same way.
 * Non-Unicode messages (PT_STRING8) are decoded in their PR_MESSAGE_CODEPAGE, cp932 when they name none.
 * Never opens attachments itself (the orchestrator does) and never writes anything.
 */
import { createRequire } from 'node:module';
import type { FieldsData, ParserConfig } from '@kenjiuno/msgreader';
import type { ChildFile, ExtractContext, ExtractResult, Extractor, Segment } from '../model.js';
import { codePageLabel } from './code-page.js';
import { attachmentName } from './entry-name.js';
import { isMsgFile } from './formats.js';
import { htmlSegments } from './html-body.js';
import { cfbHasStream, isCfb } from './office/cfb.js';
import { rtfToText } from './rtf.js';

const FORMAT = 'msg';
/** Windows-31J, the code page of Japanese Outlook, for non-Unicode messages that do not name theirs. */
const DEFAULT_CODE_PAGE = 932;

/** The part of msgreader's class used here (its CommonJS default export does not type-check under nodenext). */
interface Reader {
  parserConfig?: ParserConfig;
  getFileData(): FieldsData;
  getAttachment(attachment: FieldsData): { fileName: string; content: Uint8Array };
}
const require = createRequire(import.meta.url);

function parse(bytes: Uint8Array, ansiEncoding: string | undefined): { reader: Reader; fields: FieldsData } {
  const { default: MsgReader } = require('@kenjiuno/msgreader') as { default: new (view: DataView) => Reader };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = new MsgReader(view);
  if (ansiEncoding) reader.parserConfig = { ansiEncoding };
  const fields = reader.getFileData();
  if (fields.error) throw new Error(fields.error);
  return { reader, fields };
}

/** Read twice when needed: the code page is itself a property, and PT_STRING8 values need it to decode. */
function read(bytes: Uint8Array): { reader: Reader; fields: FieldsData } {
  const first = parse(bytes, undefined);
  if (!hasAnsiText(first.fields)) return first; // Unicode (or ASCII) strings: no code page involved
  const cp = first.fields.messageCodepage ?? first.fields.internetCodepage ?? DEFAULT_CODE_PAGE;
  return parse(bytes, cp === 65001 ? 'utf8' : cp === 1200 ? 'utf16le' : `cp${cp}`);
}

/** Undecoded PT_STRING8 text: msgreader without a code page maps each byte ≥ 0x80 to U+0080–U+00FF. */
function hasAnsiText(fields: FieldsData): boolean {
  const texts = [fields.subject, fields.body, fields.senderName, ...(fields.recipients ?? []).map((r) => r.name)];
  return texts.some((t) => t !== undefined && /[\u0080-\u00ff]/.test(t));
}

function addresses(list: readonly FieldsData[]): string {
  return list.map((r) => {
    const email = r.smtpAddress ?? r.email;
    return r.name && email && r.name !== email ? `${r.name} <${email}>` : (r.name ?? email ?? '');
  }).filter(Boolean).join(', ');
}

function headerText(fields: FieldsData): string {
  const recipients = fields.recipients ?? [];
  const of = (type: 'to' | 'cc' | 'bcc'): string => addresses(recipients.filter((r) => (r.recipType ?? 'to') === type));
  const lines: [string, string | undefined][] = [
    ['Subject', fields.subject],
    ['From', addresses([{ name: fields.senderName, email: fields.senderSmtpAddress ?? fields.senderEmail } as FieldsData])],
    ['To', of('to')],
    ['Cc', of('cc')],
    ['Bcc', of('bcc')],
  ];
  return lines.flatMap(([key, value]) => (value ? [`${key}: ${value}`] : [])).join('\n');
}

/**
 * The plain body; else the HTML body as eml.ts reads it (its data tables as cells with their labels and
 * column headers, html-body.ts; the rest as text); else the compressed RTF body as text.
 */
function bodySegments(fields: FieldsData): Segment[] {
  const origin = { part: 'body' };
  const text = (t: string): Segment[] => (t.trim() ? [{ text: t, origin }] : []);
  if (fields.body?.trim()) return text(fields.body.replace(/\r\n?/g, '\n'));
  if (fields.bodyHtml?.trim()) return htmlSegments(fields.bodyHtml, origin);
  if (fields.html?.length) return htmlSegments(new TextDecoder(codePageLabel(fields.internetCodepage ?? 65001)).decode(fields.html), origin);
  if (fields.compressedRtf?.length) return text(rtfToText(decompressRtf(fields.compressedRtf)).text);
  return [];
}

function decompressRtf(compressed: Uint8Array): Uint8Array {
  const { decompressRTF } = require('@kenjiuno/decompressrtf') as { decompressRTF: (input: number[]) => number[] };
  return Uint8Array.from(decompressRTF([...compressed]));
}

type Failed = { name: string; status: 'error'; reason: string };

function attachments(reader: Reader, fields: FieldsData): { children: ChildFile[]; failed: Failed[] } {
  const taken = new Set<string>();
  const children: ChildFile[] = [];
  const failed: Failed[] = [];
  (fields.attachments ?? []).forEach((attachment, i) => {
    const raw = attachment.innerMsgContent ? `${attachment.name ?? `message-${i + 1}`}.msg` : (attachment.fileName ?? attachment.fileNameShort ?? attachment.name);
    const safe = attachmentName(raw, `attachment-${i + 1}.bin`, taken);
    try {
      const { content } = reader.getAttachment(attachment);
      children.push({ name: safe.name, bytes: content, ...(safe.note ? { notes: [safe.note] } : {}) });
    } catch (error) {
      failed.push({ name: safe.name, status: 'error', reason: `corrupt attachment: ${messageOf(error).split('\n')[0]}` });
    }
  });
  return { children, failed };
}

/** An error's message (zip-parts.ts has the same; importing it loaded yauzl on every thread that reads text). */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function extractMsg(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractResult> {
  if (!isCfb(bytes)) return { ok: false, format: FORMAT, status: 'error', reason: 'not an Outlook .msg file (no OLE header)' };
  // msgreader reads any OLE file as an empty message: without the property stream it would look clean.
  if (!cfbHasStream(bytes, '__properties_version1.0')) return { ok: false, format: FORMAT, status: 'error', reason: 'not an Outlook item (no __properties_version1.0 stream)' };
  let parsed: { reader: Reader; fields: FieldsData };
  try {
    parsed = read(bytes);
  } catch (error) {
    return { ok: false, format: FORMAT, status: 'error', reason: `corrupt .msg: ${messageOf(error).split('\n')[0]}` };
  }
  const { reader, fields } = parsed;
  const segments: Segment[] = [];
  const headers = headerText(fields);
  if (headers) segments.push({ text: headers, origin: { part: 'headers' }, labelZone: true });
  for (const seg of bodySegments(fields)) segments.push(seg);
  const { children, failed: failedChildren } = attachments(reader, fields);
  if (children.length > 0 && ctx.depth >= ctx.limits.maxDepth) {
    const reason = `nested too deep (depth ${ctx.depth} ≥ max ${ctx.limits.maxDepth})`;
    return { ok: true, format: FORMAT, segments, failedChildren: [...failedChildren, ...children.map(({ name }) => ({ name, status: 'skipped' as const, reason }))] };
  }
  return { ok: true, format: FORMAT, segments, ...(children.length > 0 ? { children } : {}), ...(failedChildren.length > 0 ? { failedChildren } : {}) };
}

export const msgExtractor: Extractor = {
  format: FORMAT,
  matches: isMsgFile,
  extract: extractMsg,
};
