/**
 * eml: an RFC 5322 e-mail message as segments (headers, body) and its attachments as child files.
 * Input: the raw message bytes. Output: a `{part: 'headers'}` segment (Subject, From, Reply-To, To, Cc, Bcc;
 * a label zone), `{part: 'body'}` segments (the text part, else the HTML part: text, and each data table's
 * cells with their labels and column headers, html-body.ts) and one child per
 * attachment, named by its decoded file name. Charsets (ISO-2022-JP, Shift_JIS…), quoted-printable, base64,
 * MIME encoded-words and RFC 2231 names are decoded by postal-mime (imported lazily).
 * It never renders HTML, never follows links and never opens attachments itself (the orchestrator does).
 */
import type { Address, Attachment, Email } from 'postal-mime';
import type { ChildFile, ExtractContext, ExtractResult, Extractor, Segment } from '../model.js';
import { isEmlFile } from './formats.js';
import { htmlSegments } from './html-body.js';

export { htmlToText } from './html-text.js';

const FORMAT = 'eml';

/** A message without any of these is not an e-mail: its text would hide in "header names" and be lost. */
const MAIL_HEADERS = new Set(['from', 'to', 'cc', 'subject', 'date', 'message-id', 'mime-version', 'received', 'content-type', 'return-path']);

function formatAddresses(list: readonly Address[]): string {
  return list
    .map((a) => (a.group ? `${a.name}: ${formatAddresses(a.group)};` : a.name ? `${a.name} <${a.address}>` : a.address))
    .join(', ');
}

function headerText(mail: Email): string {
  const lines: [string, string | undefined][] = [
    ['Subject', mail.subject],
    ['From', mail.from && formatAddresses([mail.from])],
    ['Reply-To', mail.replyTo && formatAddresses(mail.replyTo)],
    ['To', mail.to && formatAddresses(mail.to)],
    ['Cc', mail.cc && formatAddresses(mail.cc)],
    ['Bcc', mail.bcc && formatAddresses(mail.bcc)],
  ];
  return lines.flatMap(([key, value]) => (value ? [`${key}: ${value}`] : [])).join('\n');
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'text/plain': '.txt', 'text/csv': '.csv', 'text/html': '.html', 'message/rfc822': '.eml', 'application/pdf': '.pdf', 'application/zip': '.zip',
};

/** Attachment name as one path level: never empty, no `/` (it would fake archive levels), unique in the message. */
function childName(attachment: Attachment, index: number, taken: Set<string>): string {
  const base = attachment.filename?.split(/[\\/]/).pop()?.trim() || `attachment-${index + 1}${EXTENSIONS[attachment.mimeType] ?? '.bin'}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = base.replace(/(\.[^.]*)?$/, (ext) => ` (${n})${ext}`);
  taken.add(name);
  return name;
}

function toBytes(content: Attachment['content']): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof ArrayBuffer ? new Uint8Array(content) : new Uint8Array(content.buffer, content.byteOffset, content.byteLength);
}

/**
 * The text part; the HTML part only when there is no (non-blank) text part, its data tables as cells with
 * their structure (html-body.ts), the rest as text.
 */
function bodySegments(mail: Email): Segment[] {
  const origin = { part: 'body' };
  if (mail.text?.trim()) return [{ text: mail.text.replace(/\r\n?/g, '\n'), origin }];
  return mail.html === undefined ? [] : htmlSegments(mail.html, origin);
}

function buildResult(mail: Email, ctx: ExtractContext): ExtractResult {
  const segments: Segment[] = [];
  const headers = headerText(mail);
  if (headers) segments.push({ text: headers, origin: { part: 'headers' }, labelZone: true });
  for (const seg of bodySegments(mail)) segments.push(seg);
  const taken = new Set<string>();
  const children: ChildFile[] = mail.attachments.map((a, i) => ({ name: childName(a, i, taken), bytes: toBytes(a.content) }));
  // Like an archive too deep to open: the text is read, but attachments are not handed on.
  if (children.length > 0 && ctx.depth >= ctx.limits.maxDepth) {
    const reason = `nested too deep (depth ${ctx.depth} ≥ max ${ctx.limits.maxDepth})`;
    return { ok: true, format: FORMAT, segments, failedChildren: children.map(({ name }) => ({ name, status: 'skipped', reason })) };
  }
  return { ok: true, format: FORMAT, segments, ...(children.length > 0 ? { children } : {}) };
}

async function extractEml(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractResult> {
  if (bytes.length === 0) return { ok: true, format: FORMAT, segments: [] };
  const { default: PostalMime } = await import('postal-mime');
  let mail: Email;
  try {
    // Attached messages become children (scanned as their own .eml) instead of being merged into this body.
    mail = await PostalMime.parse(bytes, { forceRfc822Attachments: true });
  } catch (error) {
    return { ok: false, format: FORMAT, status: 'error', reason: `corrupt e-mail: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!mail.headers.some((h) => MAIL_HEADERS.has(h.key))) {
    return { ok: false, format: FORMAT, status: 'error', reason: 'not an e-mail message (no mail headers)' };
  }
  return buildResult(mail, ctx);
}

export const emlExtractor: Extractor = {
  format: FORMAT,
  matches: isEmlFile,
  extract: extractEml,
};
