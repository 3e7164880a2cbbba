/**
 * Word tracked changes: text deleted with revision marks stays in the file (`<w:del>…<w:delText>`) and is as
 * personal as the text around it. Insertions (`<w:ins>`) are ordinary runs and already part of each
 * paragraph's text. Input: one part's XML and its name. Output: for every paragraph holding deletions, the
 * paragraph as it read before the changes (deleted text back in, inserted text out), origin {part, paragraph}
 * with part `<name>-deleted` — so a deleted phone number keeps the label beside it.
 * Never changes the paragraphs the docx reader returns.
 */
import type { Segment } from '../../model.js';
import { decodeEntities } from './xml-text.js';

const PARAGRAPH = /<w:p[\s>][\s\S]*?<\/w:p>/g;

export function trackedDeletionSegments(part: string, xml: string): Segment[] {
  if (!xml.includes('<w:delText')) return [];
  const out: Segment[] = [];
  let n = 0;
  for (const m of xml.matchAll(PARAGRAPH)) {
    n++;
    const p = m[0];
    if (!p.includes('<w:delText')) continue;
    const before = p.replace(/<w:ins\b[\s\S]*?<\/w:ins>/g, '');
    let text = '';
    for (const t of before.matchAll(/<w:(?:t|delText)(?:\s[^>]*)?>([^<]*)<\/w:(?:t|delText)>|<w:tab\/>/g)) text += t[1] === undefined ? '\t' : decodeEntities(t[1]);
    if (text.trim()) out.push({ text: text.trim(), origin: { part: `${part}-deleted`, paragraph: n } });
  }
  return out;
}
