import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellAttributes, readCellAttributes, type CellAttributes } from '../../../src/extract/office/cell-attributes.js';
import { cellEnd, nextToken, openingAt, type SheetToken } from '../../../src/extract/office/sheet-tokens.js';
import { parseRef } from '../../../src/extract/office/xlsx-sheet.js';
import { cellText } from '../../../src/extract/office/xlsx.js';
import { attr, decodeEntities, decodeXstring, richText } from '../../../src/extract/office/xml-text.js';

// The regexes the hand-written scanner replaced (xlsx-sheet.ts before), kept here as its oracle.
const P = '(?:[\\w.-]+:)?';
const TOKEN = new RegExp(`<${P}(c|row)(?=[\\s/>])([^>]*?)(/?)>|<${P}((?:odd|even|first)(Header|Footer))>([^<]*)</${P}\\4>`, 'g');
const CELL_END = new RegExp(`</${P}c>`, 'g');
const OPENING = new RegExp(`<${P}(?:c|row|(?:odd|even|first)(?:Header|Footer))(?=[\\s/>])`, 'g');
const REF = /^\$?([A-Za-z]{1,3})\$?(\d*)$/;

/** Every token from 0 as the regex finds them (after a `<c>`, from its end tag, as the scan did). */
function byRegex(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const [, name, attrs = '', slash, , kind, marginText] = m;
    out.push(name ? `${name}@${m.index}-${TOKEN.lastIndex}[${attrs}]${slash}` : `margin@${m.index}-${TOKEN.lastIndex}${kind}[${marginText}]`);
    if (name === 'c' && !slash) {
      CELL_END.lastIndex = TOKEN.lastIndex;
      const end = CELL_END.exec(text);
      out.push(end ? `end@${end.index}-${CELL_END.lastIndex}` : 'end:none');
      if (!end) break;
      TOKEN.lastIndex = CELL_END.lastIndex;
    }
  }
  return out;
}

function byHand(text: string): string[] {
  const out: string[] = [];
  const t: SheetToken = { kind: 'c', start: 0, end: 0, attrsStart: 0, attrsEnd: 0, selfClosing: false, marginKind: '', marginText: '' };
  for (let at = 0; nextToken(text, at, t); ) {
    const slash = t.selfClosing ? '/' : '';
    out.push(t.kind === 'margin' ? `margin@${t.start}-${t.end}${t.marginKind}[${t.marginText}]` : `${t.kind}@${t.start}-${t.end}[${text.slice(t.attrsStart, t.attrsEnd)}]${slash}`);
    at = t.end;
    if (t.kind === 'c' && !t.selfClosing) {
      const end = cellEnd(text, t.end);
      out.push(end ? `end@${end[0]}-${end[1]}` : 'end:none');
      if (!end) break;
      at = end[1];
    }
  }
  return out;
}

/** Sheet-like XML from pieces that hit every branch: prefixes, look-aheads, cut tags, margins, odd spacing. */
const FRAGMENTS = [
  '<', '>', '/', '/>', '</', ':', 'x:', 'a.b-c:', 'c', 'row', 'cols', 'r', ' ', '\t', '\n', '\u3000', '\u00a0',
  '<c', '<c ', '<c>', '</c>', '</x:c>', '<x:c ', '<row ', '<row>', '<x:row r="2">', '</row>', '<rowBreaks>',
  'r="A1"', ' r="B2"', " r='C3'", ' t="s"', ' s="3"', ' t="inlineStr"', '="', '"', "'", '=', '&amp;',
  '<v>', '</v>', '1', '氏名', '<oddHeader>', '</oddHeader>', '<evenFooter>', '</x:evenFooter>', '&C社外秘',
  '<firstHeader x="1">', '<oddHeader/>', '<is><t>', '</t></is>',
];
const xmlish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));

describe('sheet tokens found by hand', () => {
  it('are the regex scan: same tokens, attributes, ends and margins, at the same places', () => {
    fc.assert(
      fc.property(xmlish, (text) => {
        expect(byHand(text)).toEqual(byRegex(text));
      }),
      { numRuns: 5000, seed: 20261206 },
    );
  });

  it('hold back the same cut element at a chunk end as the regex', () => {
    fc.assert(
      fc.property(xmlish, fc.nat(60), (text, from) => {
        const at = Math.min(from, text.length);
        OPENING.lastIndex = at;
        expect(openingAt(text, at)).toBe(OPENING.exec(text)?.index ?? -1);
      }),
      { numRuns: 5000, seed: 20261207 },
    );
  });

  it('read a real row of a worksheet', () => {
    const text = '<row r="2" spans="1:8"><c r="A2" t="s"><v>8</v></c><x:c r="B2"/></row><oddFooter>&amp;P</oddFooter>';
    expect(byHand(text)).toEqual(['row@0-23[ r="2" spans="1:8"]', 'c@23-39[ r="A2" t="s"]', 'end@47-51', 'c@51-64[ r="B2"]/', 'margin@70-99Footer[&amp;P]']);
    expect(byHand(text)).toEqual(byRegex(text));
  });
});

describe('cell attributes', () => {
  const ATTR_PARTS = [' r=', ' x="', ' ', '  ', '\t', '\n', 'r', 's', 't', 'x', 'x:r', 'rr', '=', '="', '"', "'", 'A1', '3', 'inlineStr', '&amp;', '&#65;', '<', '>', ' r="A1"', ' s="2"', ' t="s"', ' spans="1:8"', " r='B2'", ' r = "C3"'];
  const attrs = fc.array(fc.constantFrom(...ATTR_PARTS), { maxLength: 14 }).map((parts) => parts.join(''));

  it.each([' r="A1" t="s"', ' x="a r=" s="2"', ` x="r='1'" r="B2"`, ' r="A1" r="B1"', ' t="s"/'])('%s: what attr() reads', (a) => {
    expect(cellAttributes(a)).toEqual({ r: attr(a, 'r'), s: attr(a, 's'), t: attr(a, 't') });
  });

  it('are what attr() reads, plain or not, also when read inside a longer text', () => {
    fc.assert(
      fc.property(attrs, attrs, attrs, (before, a, after) => {
        const expected = { r: attr(a, 'r'), s: attr(a, 's'), t: attr(a, 't') };
        expect(cellAttributes(a)).toEqual(expected);
        const out = { r: 'x', s: 'y', t: 'z' } as CellAttributes;
        readCellAttributes(before + a + after, before.length, before.length + a.length, out);
        expect(out).toEqual(expected);
      }),
      { numRuns: 5000, seed: 20261208 },
    );
  });
});

describe('parseRef by hand', () => {
  const refs = fc.array(fc.constantFrom('$', 'A', 'z', 'Q', '1', '0', '9', '@', '[', '`', '{', ':', 'é', 'Ａ'), { maxLength: 8 }).map((p) => p.join(''));

  it('is the regex reading', () => {
    fc.assert(
      fc.property(refs, (ref) => {
        const m = REF.exec(ref);
        const col = m?.[1] ? [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : 0;
        expect(parseRef(ref)).toEqual(m?.[1] ? { row: Number(m[2] || 0), col } : undefined);
      }),
      { numRuns: 5000, seed: 20261209 },
    );
  });
});

describe('plain <t> and <v> cut by hand', () => {
  const inner = fc.array(fc.constantFrom('<t>', '</t>', '<v>', '</v>', '<x:v>', '</x:v>', '<t xml:space="preserve">', 'rPh', '<rPh>', '</rPh>', '&amp;', '_x000D_', '氏名', '1', ' ', '<', '>', '/'), { maxLength: 8 }).map((p) => p.join(''));
  /** richText and the `<v>` of a cell as the regexes alone read them (before the plain cases were cut by hand). */
  const regexRich = (xml: string): string => {
    const visible = xml.includes('rPh') ? xml.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '') : xml;
    let text = '';
    for (const m of visible.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?t>/g)) text += m[1] ?? '';
    return decodeXstring(decodeEntities(text));
  };
  const regexValue = (xml: string): string | undefined => {
    const raw = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?v>/.exec(xml)?.[1];
    return raw === undefined ? undefined : decodeXstring(decodeEntities(raw));
  };

  it('give what the regexes give', () => {
    fc.assert(
      fc.property(inner, (xml) => {
        expect(richText(xml)).toBe(regexRich(xml));
        expect(cellText({ row: 1, col: 0, type: 'str', style: 0, inner: xml }, { strings: [], formats: [], date1904: false })).toBe(regexValue(xml));
      }),
      { numRuns: 5000, seed: 20261210 },
    );
  });
});
