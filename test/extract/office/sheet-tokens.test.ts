import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellAttributes, readCellAttributes, readPlainCell, type CellAttributes, type PlainCell } from '../../../src/extract/office/cell-attributes.js';
import { cellEnd, nextToken, openingAt, type SheetToken } from '../../../src/extract/office/sheet-tokens.js';
import { parseRef, scanSheet, type RawCell } from '../../../src/extract/office/xlsx-sheet.js';
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

describe('plain cell attributes', () => {
  const PARTS = [' r="', ' s="', ' t="', '"', ' x="1"', 'A', 'b', 'XFD', '$', '1', '0', '9', '1048576', '12345678901', '&amp;', 's', 'str', 'inlineStr', 'n', ' ', '=', "'", 'x'];
  const attrs = fc.array(fc.constantFrom(...PARTS), { maxLength: 12 }).map((parts) => parts.join(''));

  /** The general reading: attr() of each name, parseRef of `r`, Number() of `s`. */
  function general(a: string): PlainCell {
    const { r, s: st, t } = cellAttributes(a);
    const ref = r ? parseRef(r) : undefined;
    const style = Number(st ?? 0);
    return { hasRef: ref !== undefined, refRow: ref?.row ?? 0, refCol: ref?.col ?? 0, style: Number.isInteger(style) ? style : 0, type: t };
  }

  function plain(text: string, from: number, to: number): PlainCell | undefined {
    const out: PlainCell = { hasRef: false, refRow: -7, refCol: -7, style: -7, type: 'x' };
    if (!readPlainCell(text, from, to, out)) return undefined;
    return out.hasRef ? out : { ...out, refRow: 0, refCol: 0 };
  }

  it('read what the general reading reads, whenever they read (inside a longer text too)', () => {
    let read = 0;
    fc.assert(
      fc.property(attrs, attrs, attrs, (before, a, after) => {
        const got = plain(before + a + after, before.length, before.length + a.length);
        if (got) {
          read++;
          const want = general(a);
          expect(got).toEqual(want.hasRef ? want : { ...want, refRow: 0, refCol: 0 });
        }
      }),
      { numRuns: 20000, seed: 20261210 },
    );
    expect(read).toBeGreaterThan(2000);
  });

  it.each([' r="A1" t="s"', ' r="XFD1048576" s="12"', ' r="$B$2"', ' s="3" r="c7" t="inlineStr"', '', ' t="str"', ' r="" s="0"', ' r="A1B"', ' r="A12345678901"'])('read the plain forms writers use: %j', (a) => {
    expect(plain(a, 0, a.length)).toEqual(general(a).hasRef ? general(a) : { ...general(a), refRow: 0, refCol: 0 });
  });

  it.each([' r="A&amp;1"', ' s="1e2"', ' s=""', ' s="0x1"', " r='A1'", ' r = "A1"'])('leave other forms to the general reading: %j', (a) => {
    expect(plain(a, 0, a.length)).toBeUndefined();
  });
});

describe('scanSheet', () => {
  const CELLS = ['<c r="A1" t="s"><v>0</v></c>', '<c r="B1"><v>12</v></c>', '<c><v>3</v></c>', '<c r="C1" s="2" t="n"><v>4.5</v></c>', '<c r="D1"/>', '<c t="inlineStr"><is><t>氏名</t></is></c>', '<c r="E1"><f>SUM(A1)</f><v>5</v></c>', '<c r="F1" s="x"><v>1</v></c>', '<c r="A&amp;1"><v>1</v></c>', '<c r="G1"><v>a<b</v></c>', '<c r="H1"><v>7</v></c >', '<x:c r="I1"><x:v>8</x:v></x:c>', '<c r="J1"><v></v></c>', '<c r="K1" t="e"><v>#N/A</v></c>'];
  const ROWS = ['<row r="1">', '<row>', '<row r="7" spans="1:3">', '</row>', ''];
  const sheet = fc.array(fc.oneof(fc.constantFrom(...CELLS), fc.constantFrom(...ROWS)), { maxLength: 30 }).map((p) => `<sheetData>${p.join('')}</sheetData>`);

  /** The reading before plain cells were read by hand: the regexes, attr(), parseRef, one object per cell. */
  function cellsByRegex(xml: string): RawCell[] {
    const out: RawCell[] = [];
    let row = 0;
    let col = -1;
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
      const [, name, attrs = '', slash] = m;
      if (!name) continue;
      const a = cellAttributes(attrs);
      if (name === 'row') {
        const r = Number(a.r);
        row = Number.isInteger(r) && r > 0 ? r : row + 1;
        col = -1;
        continue;
      }
      let inner = '';
      if (!slash) {
        CELL_END.lastIndex = TOKEN.lastIndex;
        const end = CELL_END.exec(xml);
        if (!end) break;
        inner = xml.slice(TOKEN.lastIndex, end.index);
        TOKEN.lastIndex = CELL_END.lastIndex;
      }
      const ref = a.r ? parseRef(a.r) : undefined;
      if (ref) {
        col = ref.col;
        if (ref.row > 0) row = ref.row;
      } else col++;
      const style = Number(a.s ?? 0);
      out.push({ row: Math.max(row, 1), col, type: a.t, style: Number.isInteger(style) ? style : 0, inner });
    }
    return out;
  }

  it('reads every cell as the general reading does, plain ones by hand', async () => {
    await fc.assert(
      fc.asyncProperty(sheet, async (xml) => {
        const got: RawCell[] = [];
        await scanSheet((async function* () { yield new TextEncoder().encode(xml); })(), { cell: (c) => got.push({ ...c }), headerFooter: () => undefined });
        expect(got).toEqual(cellsByRegex(xml));
      }),
      { numRuns: 3000, seed: 20261211 },
    );
  });
});

describe('a shared string cell by hand', () => {
  // Every index has its own string (a table of 10^9 strings, made up when asked).
  const strings = new Proxy([] as string[], { get: (target, key) => (typeof key === 'string' && /^\d+$/.test(key) ? `文字列${key}` : Reflect.get(target, key)) });
  const book = { strings, formats: [], date1904: false };
  const loose = fc.array(fc.constantFrom('<v>', '</v>', '0', '1', '7', '9', '12', '1199', '999999999', '1234567890', ' ', '&#49;', 'x', '<', '-', '.'), { maxLength: 6 }).map((p) => p.join(''));
  const framed = fc
    .tuple(fc.constantFrom('<v>', '<v>', '<v >', ''), fc.array(fc.constantFrom('0', '1', '5', '9'), { maxLength: 12 }), fc.constantFrom('</v>', '</v>', '</v> ', ''))
    .map(([open, digits, close]) => `${open}${digits.join('')}${close}`);
  const inner = fc.oneof(loose, framed);

  it('is the general reading of its <v> (valueOf, entities, Number())', () => {
    fc.assert(
      fc.property(inner, (xml) => {
        const cell = { row: 1, col: 0, type: 's', style: 0, inner: xml };
        const value = /<v(?:\s[^>]*)?>([^<]*)<\/v>/.exec(xml)?.[1];
        expect(cellText(cell, book)).toBe(value === undefined ? undefined : book.strings[Number(decodeEntities(value))]);
      }),
      { numRuns: 20000, seed: 20261213 },
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
