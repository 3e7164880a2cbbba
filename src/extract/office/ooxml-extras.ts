/**
 * What OOXML packages keep beside the main text: document properties (docProps/core.xml, app.xml, custom.xml)
 * and spreadsheet cell comments and notes (legacy `xl/commentsN.xml` and threaded comments).
 * Input: an open package. Output: property Segments {part: 'properties'} (label zones, properties.ts) and
 * comment Segments {sheet, cell, part: 'comments'} — the same shapes the xls reader gives.
 * Never reads a part the package does not list; never fails the file over a missing or odd part.
 */
import type { Segment } from '../../model.js';
import { ooxmlProperties, propertySegments } from './properties.js';
import { attr, elementsOf, parseRels, richText } from './xml-text.js';
import type { OfficeZip } from './zip-parts.js';

const P = '(?:[\\w.-]+:)?';

async function textOf(zip: OfficeZip, part: string): Promise<string | undefined> {
  return zip.has(part) ? zip.readText(part) : undefined;
}

export async function ooxmlPropertySegments(zip: OfficeZip): Promise<Segment[]> {
  const [core, app, custom] = [await textOf(zip, 'docProps/core.xml'), await textOf(zip, 'docProps/app.xml'), await textOf(zip, 'docProps/custom.xml')];
  return propertySegments(ooxmlProperties(core, app, custom));
}

/** Comments (notes) and threaded comments of each worksheet, found through the sheet's relationships. */
export async function xlsxCommentSegments(zip: OfficeZip, sheets: readonly { name: string; part: string }[]): Promise<Segment[]> {
  const out: Segment[] = [];
  for (const sheet of sheets) {
    const cut = sheet.part.lastIndexOf('/') + 1;
    const relsPart = `${sheet.part.slice(0, cut)}_rels/${sheet.part.slice(cut)}.rels`;
    if (!zip.has(relsPart)) continue;
    const rels = parseRels(await zip.readText(relsPart), sheet.part.slice(0, cut));
    for (const { target, type } of rels.values()) {
      if (!zip.has(target)) continue;
      if (/\/comments$/.test(type)) out.push(...commentsOf(await zip.readText(target), sheet.name, 'comment'));
      else if (/\/threadedComment$/.test(type)) out.push(...commentsOf(await zip.readText(target), sheet.name, 'threadedComment'));
    }
  }
  return out;
}

function commentsOf(xml: string, sheet: string, element: 'comment' | 'threadedComment'): Segment[] {
  return elementsOf(xml, `${element}`).concat(elementsOf(xml, `x:${element}`)).flatMap(({ tag, inner }) => {
    const cell = attr(tag, 'ref');
    const body = element === 'comment' ? richText(elementsOf(inner, 'text')[0]?.inner ?? inner) : richText(inner.replace(new RegExp(`<${P}text>([\\s\\S]*?)</${P}text>`, 'g'), '<t>$1</t>'));
    const text = body.trim();
    return cell && text ? [{ text, origin: { sheet, cell, part: 'comments' } }] : [];
  });
}
