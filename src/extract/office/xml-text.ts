/**
 * Small linear helpers that pull text out of OOXML / OpenDocument XML with regexes (no DOM).
 * Input: XML text of one part. Output: decoded strings (paragraphs with their runs joined, attributes, rels).
 * Never throws on malformed XML: whatever cannot be matched is simply not returned.
 */

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body[0] !== '#') return NAMED[body] ?? whole;
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** OOXML escapes characters XML cannot carry as `_xHHHH_` (ECMA-376 Part 1, 22.9.2.19 ST_Xstring). */
export function decodeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const attrCache = new Map<string, RegExp>();

/** Value of attribute `name` (qualified as written, e.g. `r:id`) in a start tag, decoded. */
export function attr(tag: string, name: string): string | undefined {
  let re = attrCache.get(name);
  if (!re) {
    re = new RegExp(`[\\s<]${name.replace(/[.]/g, '\\.')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrCache.set(name, re);
  }
  const m = re.exec(tag);
  if (!m) return undefined;
  return decodeEntities(m[1] ?? m[2] ?? '');
}

/**
 * Word-processing and drawing parts wrap alternative renderings of the same text box in
 * `mc:AlternateContent`; the Fallback copy repeats the Choice text, so it is dropped.
 */
export function dropFallbacks(xml: string): string {
  return xml.includes('Fallback') ? xml.replace(/<mc:Fallback\b[\s\S]*?<\/mc:Fallback>/g, '') : xml;
}

/**
 * Text of every paragraph (`<w:p>` with prefix `w`, `<a:p>` with `a`), runs joined, in document order of the
 * paragraph starts. Nested paragraphs (text boxes inside a paragraph) are returned as their own entries.
 * Empty paragraphs are kept as '' so callers can decide how to count.
 */
export function paragraphTexts(xml: string, prefix: 'w' | 'a'): string[] {
  const tags = new RegExp(`<(/?)${prefix}:(p|t|tab|br|cr|noBreakHyphen)(?=[\\s/>])([^>]*?)(/?)>`, 'g');
  const texts: string[][] = [];
  const open: number[] = [];
  let textStart = -1;
  for (let m = tags.exec(xml); m; m = tags.exec(xml)) {
    const [, closing, name, attrs, selfClosing] = m;
    const current = texts[open[open.length - 1] ?? -1];
    if (name === 'p') {
      if (closing) open.pop();
      else if (selfClosing) texts.push([]);
      else open.push(texts.push([]) - 1);
    } else if (name === 't') {
      if (!closing && !selfClosing) textStart = tags.lastIndex;
      else if (closing && textStart >= 0) current?.push(decodeEntities(xml.slice(textStart, m.index)));
      if (closing) textStart = -1;
    } else if (!closing && current) {
      current.push(runSymbol(name, attrs ?? ''));
    }
  }
  return texts.map((parts) => parts.join(''));
}

/** A tab stop definition (`<w:tab w:val=… w:pos=…/>` in paragraph properties) has attributes; a run tab has none. */
function runSymbol(name: string | undefined, attrs: string): string {
  if (name === 'tab') return attrs.trim() === '' ? '\t' : '';
  if (name === 'noBreakHyphen') return '-';
  return '\n';
}

/**
 * Text of a rich-text container (`<si>`, `<is>`): every `<t>` joined, phonetic readings (`<rPh>`) left out
 * because Excel does not display them as part of the value.
 */
export function richText(xml: string): string {
  // One plain `<t>` (nearly every shared string): cut without the regexes, which find the same text.
  const end = xml.length - 4;
  if (xml.startsWith('<t>') && xml.endsWith('</t>') && xml.indexOf('<', 3) === end) return decodeXstring(decodeEntities(xml.slice(3, end)));
  const visible = xml.includes('rPh') ? xml.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '') : xml;
  let text = '';
  const re = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?t>/g;
  for (let m = re.exec(visible); m; m = re.exec(visible)) text += m[1] ?? '';
  return decodeXstring(decodeEntities(text));
}

/** Inner XML of every `<name …>…</name>` (name as written, prefix included); self-closing ones give ''. */
export function elementsOf(xml: string, name: string): { tag: string; inner: string }[] {
  const re = new RegExp(`<${name}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${name}>)`, 'g');
  const found: { tag: string; inner: string }[] = [];
  for (let m = re.exec(xml); m; m = re.exec(xml)) found.push({ tag: m[0], inner: m[2] ?? '' });
  return found;
}

/** Relationship id → part name (resolved against the folder of the part that owns the .rels file). */
export function parseRels(xml: string, baseDir: string): Map<string, { target: string; type: string }> {
  const rels = new Map<string, { target: string; type: string }>();
  for (const { tag } of elementsOf(xml, 'Relationship')) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (!id || !target || attr(tag, 'TargetMode') === 'External') continue;
    rels.set(id, { target: resolvePart(baseDir, target), type: attr(tag, 'Type') ?? '' });
  }
  return rels;
}

/** Joins a relative target to a folder inside the zip, resolving `..`; absolute targets start at the root. */
export function resolvePart(baseDir: string, target: string): string {
  const parts = target.startsWith('/') ? [] : baseDir.split('/').filter(Boolean);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** Natural order of part names by their trailing number: slide2 before slide10. */
export function numberIn(name: string): number {
  const m = /(\d+)\.xml$/.exec(name);
  return m ? Number(m[1]) : 0;
}
