/**
 * Document properties (author, title, company, custom properties…) as their own locations.
 * Input: OLE property-set streams ([MS-OLEPS]: `\x05SummaryInformation`, `\x05DocumentSummaryInformation`), OOXML
 * docProps parts or OpenDocument meta.xml. Output: one Segment per text property, origin {part: 'properties'},
 * text `Name: value`, a label zone (a 社外秘 title or category marks the file).
 * Never reads dates, counts or other non-text values; never throws on a malformed property set (it is skipped).
 */
import type { Segment } from '../../model.js';
import { codePageDecoder } from '../code-page.js';
import type { OleContainer } from './cfb.js';
import { attr, decodeEntities, elementsOf } from './xml-text.js';

export interface Property {
  name: string;
  value: string;
}

export function propertySegments(properties: readonly Property[]): Segment[] {
  return properties
    .filter((p) => p.value.trim() !== '')
    .map((p) => ({ text: `${p.name}: ${p.value.trim()}`, origin: { part: 'properties' }, labelZone: true }));
}

/** Built-in and custom properties of an OLE file (.doc, .xls, .ppt, .msg has none). */
export function oleProperties(ole: OleContainer): Property[] {
  const summary = ole.stream('/\u0005SummaryInformation');
  const document = ole.stream('/\u0005DocumentSummaryInformation');
  return [...(summary ? olePropertySet(summary, 'summary') : []), ...(document ? olePropertySet(document, 'document') : [])];
}

/** [MS-OLEPS] 2.25.1 / [MS-OSHARED] 2.3.3.2: the text property ids of the two built-in property sets. */
const SUMMARY: Readonly<Record<number, string>> = { 2: 'Title', 3: 'Subject', 4: 'Author', 5: 'Keywords', 6: 'Comments', 8: 'LastAuthor' };
const DOC_SUMMARY: Readonly<Record<number, string>> = { 2: 'Category', 14: 'Manager', 15: 'Company' };

const VT_LPSTR = 0x1e;
const VT_LPWSTR = 0x1f;
const VT_I2 = 0x02;
const CODEPAGE_ID = 1;
const DICTIONARY_ID = 0;
/** Bounds that keep a hostile property set cheap: real ones hold a few dozen short values. */
const MAX_PROPERTIES = 1000;
const MAX_STRING = 1 << 20;

/** Text properties of `\x05SummaryInformation` (`summary`) or `\x05DocumentSummaryInformation` (second set: custom). */
export function olePropertySet(stream: Uint8Array, kind: 'summary' | 'document'): Property[] {
  try {
    const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
    if (view.getUint16(0, true) !== 0xfffe) return [];
    const sets = Math.min(view.getUint32(24, true), 2);
    const out: Property[] = [];
    for (let i = 0; i < sets; i++) {
      const offset = view.getUint32(28 + i * 20 + 16, true);
      const names = kind === 'summary' ? SUMMARY : i === 0 ? DOC_SUMMARY : undefined;
      out.push(...readSet(view, offset, names));
    }
    return out;
  } catch {
    return []; // a truncated or lying property set: the document's text is still read
  }
}

/** One property set; `names` undefined = user-defined properties, named by the set's dictionary. */
function readSet(view: DataView, base: number, names: Readonly<Record<number, string>> | undefined): Property[] {
  const count = Math.min(view.getUint32(base + 4, true), MAX_PROPERTIES);
  const entries: { id: number; at: number }[] = [];
  for (let i = 0; i < count; i++) entries.push({ id: view.getUint32(base + 8 + i * 8, true), at: base + view.getUint32(base + 12 + i * 8, true) });
  const codePage = entries.find((e) => e.id === CODEPAGE_ID);
  const cp = codePage && view.getUint16(codePage.at, true) === VT_I2 ? view.getUint16(codePage.at + 4, true) : 1252;
  const decode = codePageDecoder(cp);
  const dictionary = entries.find((e) => e.id === DICTIONARY_ID);
  const custom = names === undefined && dictionary ? readDictionary(view, dictionary.at, cp, decode) : new Map<number, string>();
  const out: Property[] = [];
  for (const { id, at } of entries) {
    const name = names ? names[id] : custom.get(id);
    if (name === undefined || id <= CODEPAGE_ID) continue;
    const value = readString(view, at, decode);
    if (value !== undefined) out.push({ name, value });
  }
  return out;
}

function readString(view: DataView, at: number, decode: (b: Uint8Array) => string): string | undefined {
  const type = view.getUint16(at, true);
  const size = view.getUint32(at + 4, true);
  if (type === VT_LPSTR && size <= MAX_STRING) return stripNul(decode(bytesAt(view, at + 8, size)));
  if (type === VT_LPWSTR && size <= MAX_STRING) return stripNul(new TextDecoder('utf-16le').decode(bytesAt(view, at + 8, size * 2)));
  return undefined;
}

/** [MS-OLEPS] 2.17: the names of user-defined properties (UTF-16 in code page 1200, else the set's code page). */
function readDictionary(view: DataView, at: number, cp: number, decode: (b: Uint8Array) => string): Map<number, string> {
  const names = new Map<number, string>();
  const count = Math.min(view.getUint32(at, true), MAX_PROPERTIES);
  let p = at + 4;
  for (let i = 0; i < count; i++) {
    const id = view.getUint32(p, true);
    const length = view.getUint32(p + 4, true);
    if (length > MAX_STRING) break;
    const unicode = cp === 1200;
    const bytes = bytesAt(view, p + 8, unicode ? length * 2 : length);
    names.set(id, stripNul(unicode ? new TextDecoder('utf-16le').decode(bytes) : decode(bytes)));
    p += 8 + bytes.length;
    if (unicode) p += (4 - (p % 4)) % 4; // Unicode names are padded to 4 bytes
  }
  return names;
}

function bytesAt(view: DataView, at: number, length: number): Uint8Array {
  if (at + length > view.byteLength) throw new RangeError('property past the end of its stream');
  return new Uint8Array(view.buffer, view.byteOffset + at, length);
}

function stripNul(text: string): string {
  const nul = text.indexOf('\0');
  return (nul >= 0 ? text.slice(0, nul) : text).trim();
}

/** docProps/core.xml (Dublin Core), app.xml (Company, Manager) and custom.xml of an OOXML package. */
export function ooxmlProperties(core: string | undefined, app: string | undefined, custom: string | undefined): Property[] {
  const pick = (xml: string | undefined, fields: readonly [string, string][]): Property[] =>
    fields.flatMap(([tag, name]) => elementsOf(xml ?? '', tag).map(({ inner }) => ({ name, value: innerText(inner) })));
  const core_ = pick(core, [['dc:title', 'Title'], ['dc:subject', 'Subject'], ['dc:creator', 'Author'], ['cp:keywords', 'Keywords'],
    ['dc:description', 'Comments'], ['cp:lastModifiedBy', 'LastAuthor'], ['cp:category', 'Category'], ['cp:contentStatus', 'ContentStatus']]);
  const app_ = pick(app, [['Company', 'Company'], ['Manager', 'Manager']]);
  const custom_ = elementsOf(custom ?? '', 'property').flatMap(({ tag, inner }) => {
    const name = attr(tag, 'name');
    return name && !/^MSIP_Label_/.test(name) ? [{ name, value: innerText(inner) }] : [];
  });
  return [...core_, ...app_, ...custom_];
}

/** OpenDocument meta.xml: title, subject, creators, keywords, description and user-defined fields. */
export function odfProperties(meta: string): Property[] {
  const fields: [string, string][] = [['dc:title', 'Title'], ['dc:subject', 'Subject'], ['meta:initial-creator', 'Author'],
    ['dc:creator', 'LastAuthor'], ['dc:description', 'Comments'], ['meta:keyword', 'Keywords']];
  const out = fields.flatMap(([tag, name]) => elementsOf(meta, tag).map(({ inner }) => ({ name, value: innerText(inner) })));
  for (const { tag, inner } of elementsOf(meta, 'meta:user-defined')) {
    const name = attr(tag, 'meta:name');
    if (name && !/^MSIP_Label_/.test(name)) out.push({ name, value: innerText(inner) });
  }
  return out;
}

function innerText(xml: string): string {
  return decodeEntities(xml.replace(/<[^>]*>/g, '')).trim();
}
