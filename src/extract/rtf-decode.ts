/**
 * RTF → text, decoded the way Word reads it (RTF 1.9.1 specification): `\'xx` bytes in the code page of the
 * current font (`\fcharset128` → cp932) or of the document (`\ansicpg932`), a cp932 trail byte written as a
 * plain character (`\'83A` = ア), `\uN` Unicode with its `\ucN` fallback skipped, `\bin` data skipped.
 * Input: the file's bytes. Output: the body text (`\par` → newline, `\cell` → tab), header/footer text, the
 * `\info` fields, whether the RTF encapsulates HTML (`\fromhtml`, Outlook bodies: the HTML is returned) and
 * how many bytes were invalid in their code page.
 * Never interprets pictures, objects or field instructions; nesting depth only costs memory, never recursion.
 */
import { codePageDecoder } from './code-page.js';
import type { Property } from './office/properties.js';

export interface RtfText {
  body: string;
  margins: string[];
  /** Footnotes and comments (`\footnote`, `\annotation`), by part. */
  notes: { part: 'footnotes' | 'comments'; text: string }[];
  info: Property[];
  html: boolean;
  invalid: number;
  /** Declared `\bin` bytes past the end of the file (a truncated or hostile document). */
  missingBin: number;
}

type Dest = 'body' | 'skip' | 'margin' | 'fonttbl' | 'info' | 'htmltag' | 'upr' | 'footnotes' | 'comments';
interface State {
  dest: Dest;
  /** The `\info` field being read (`Title`…), or the font being declared in the font table. */
  field?: string;
  font?: number;
  uc: number;
  cp: number;
  /** Inside `\htmlrtf`: RTF-only rendering of encapsulated HTML, not part of the HTML. */
  htmlrtf: boolean;
  /** Inside `\upr{ansi}{\*\ud{unicode}}`: where the Unicode alternative's text goes (the ANSI one is skipped). */
  uprOuter?: Dest;
}

const SKIPPED = new Set(['colortbl', 'stylesheet', 'pict', 'object', 'objdata', 'themedata', 'colorschememapping', 'datastore',
  'latentstyles', 'listtable', 'listoverridetable', 'rsidtbl', 'revtbl', 'generator', 'xmlnstbl', 'mmathPr', 'filetbl', 'fldinst',
  'bkmkstart', 'bkmkend', 'nonshppict', 'sp', 'xe', 'tc', 'private', 'pgdsctbl', 'fchars', 'lchars', 'wgrffmtfilter', 'userprops']);
const MARGINS = /^(header|footer)[lrf]?$/;
const INFO: Readonly<Record<string, string>> = { title: 'Title', subject: 'Subject', author: 'Author', manager: 'Manager', company: 'Company',
  operator: 'LastAuthor', category: 'Category', keywords: 'Keywords', comment: 'Comments', doccomm: 'Comments' };
/** Starred destinations whose text is content (comments, encapsulated HTML tags). */
const STARRED_READ = new Set(['annotation', 'footnote', 'htmltag', 'ud']);
const SYMBOLS: Readonly<Record<string, string>> = { par: '\n', line: '\n', sect: '\n', page: '\n', row: '\n', cell: '\t', nestcell: '\t',
  tab: '\t', emdash: '—', endash: '–', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”', bullet: '•', emspace: ' ', enspace: ' ' };
/** \fcharset → Windows code page (RTF spec, \fcharset table). */
const CHARSETS: Readonly<Record<number, number>> = { 128: 932, 129: 949, 130: 1361, 134: 936, 136: 950, 161: 1253, 162: 1254,
  163: 1258, 177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250 };

/** Lead bytes of the double-byte code pages: the byte after one is a trail byte even when written plainly. */
function isLead(cp: number, b: number): boolean {
  if (cp === 932) return (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);
  if (cp === 936 || cp === 949 || cp === 950) return b >= 0x81 && b <= 0xfe;
  return false;
}

class Output {
  readonly body: string[] = [];
  readonly margins: string[] = [];
  readonly notes: { part: 'footnotes' | 'comments'; text: string[] }[] = [];
  readonly info = new Map<string, string>();
  invalid = 0;
  private bytes: number[] = [];
  private waiting = false;
  private readonly decoders = new Map<number, (b: Uint8Array) => string>();
  private bytesCp = 1252;
  private bytesState: State | undefined;
  private bytesTo: (s: string) => void = () => undefined;

  /** `\'xx` bytes are collected and decoded together, so a double-byte character is never split. */
  byte(b: number, state: State, sink: (s: string) => void): void {
    if (this.bytes.length > 0 && (this.bytesCp !== state.cp || this.bytesState !== state)) this.flush();
    this.bytesCp = state.cp;
    this.bytesState = state;
    this.bytesTo = sink;
    this.bytes.push(b);
    this.waiting = this.waiting ? false : isLead(state.cp, b);
  }

  /** True when the collected bytes end with a lead byte still waiting for its trail. */
  needsTrail(): boolean {
    return this.waiting;
  }

  flush(): void {
    this.waiting = false;
    if (this.bytes.length === 0) return;
    let decode = this.decoders.get(this.bytesCp);
    if (!decode) this.decoders.set(this.bytesCp, (decode = codePageDecoder(this.bytesCp)));
    const text = decode(Uint8Array.from(this.bytes));
    for (const c of text) if (c === '\ufffd') this.invalid++;
    this.bytes = [];
    this.bytesTo(text);
  }
}

export function decodeRtf(bytes: Uint8Array): RtfText {
  const out = new Output();
  const fonts = new Map<number, number>();
  let defaultCp = 1252;
  let html = false;
  let missingBin = 0;
  const stack: State[] = [];
  let state: State = { dest: 'body', uc: 1, cp: defaultCp, htmlrtf: false };
  let starred = false;
  let groupStart = false;
  let skip = 0;
  const sinkOf = (s: State): ((text: string) => void) => {
    if (s.dest === 'body' || s.dest === 'htmltag') return (t) => void (s.htmlrtf && html ? undefined : out.body.push(t));
    if (s.dest === 'margin') return (t) => void out.margins.push(t);
    if (s.dest === 'footnotes' || s.dest === 'comments') return (t) => void out.notes[out.notes.length - 1]?.text.push(t);
    if (s.dest === 'info' && s.field) return (t) => void out.info.set(s.field ?? '', (out.info.get(s.field ?? '') ?? '') + t);
    return () => undefined;
  };
  const text = (t: string): void => {
    out.flush();
    sinkOf(state)(t);
  };
  for (let i = 0; i < bytes.length; ) {
    const c = bytes[i] as number;
    if (c === 0x7b || c === 0x7d) {
      out.flush();
      skip = 0;
      if (c === 0x7b) {
        stack.push(state);
        state = { ...state, field: undefined };
        groupStart = true;
      } else {
        state = stack.pop() ?? state;
      }
      starred = false;
      i++;
      continue;
    }
    if (c === 0x0d || c === 0x0a) {
      i++;
      continue;
    }
    if (c !== 0x5c) {
      groupStart = false;
      if (skip > 0) skip--;
      else if (out.needsTrail() || c >= 0x80) out.byte(c, state, sinkOf(state));
      else if (state.dest !== 'fonttbl') text(String.fromCharCode(c));
      i++;
      continue;
    }
    const word = controlWord(bytes, i);
    i = word.next;
    if (word.name === "'") {
      if (skip > 0) skip--;
      else if (word.hex < 0) text('\ufffd'), out.invalid++;
      else out.byte(word.hex, state, sinkOf(state));
      continue;
    }
    if (word.name === 'bin') {
      const length = Math.max(0, word.param ?? 0);
      missingBin = Math.max(missingBin, i + length - bytes.length);
      i += length;
      continue;
    }
    if (word.name === '*') {
      starred = true;
      continue;
    }
    const first = groupStart;
    groupStart = false;
    if (first && state.dest === 'upr') {
      state.dest = word.name === 'ud' ? (state.uprOuter ?? 'body') : 'skip';
      continue;
    }
    if (first && starred && !STARRED_READ.has(word.name)) {
      state.dest = 'skip';
      continue;
    }
    if (state.dest === 'skip') continue;
    if (word.name === 'u') {
      out.flush();
      text(String.fromCharCode(((word.param ?? 0) + 0x10000) % 0x10000));
      skip = state.uc;
      continue;
    }
    skip = 0;
    if (first && (SKIPPED.has(word.name) || word.name === 'fonttbl' || word.name === 'info' || MARGINS.test(word.name) || INFO[word.name] || word.name === 'htmltag')) {
      out.flush();
      state.dest = word.name === 'fonttbl' ? 'fonttbl' : word.name === 'htmltag' ? 'htmltag' : MARGINS.test(word.name) ? 'margin' : INFO[word.name] ? 'info' : SKIPPED.has(word.name) ? 'skip' : 'info';
      if (INFO[word.name]) state.field = INFO[word.name];
      continue;
    }
    switch (word.name) {
      case 'upr':
        state.uprOuter = state.dest;
        state.dest = 'upr';
        break;
      case 'footnote':
      case 'annotation':
        out.flush();
        state.dest = word.name === 'footnote' ? 'footnotes' : 'comments';
        out.notes.push({ part: state.dest, text: [] });
        break;
      case 'ansicpg':
        defaultCp = word.param ?? 1252;
        state.cp = defaultCp;
        break;
      case 'fromhtml':
        html = true;
        break;
      case 'htmlrtf':
        state.htmlrtf = word.param !== 0;
        break;
      case 'uc':
        state.uc = Math.max(0, word.param ?? 1);
        break;
      case 'f':
        if (state.dest === 'fonttbl') state.font = word.param ?? 0;
        else state.cp = fonts.get(word.param ?? 0) ?? defaultCp;
        break;
      case 'fcharset':
        if (state.dest === 'fonttbl' && state.font !== undefined) fonts.set(state.font, CHARSETS[word.param ?? 0] ?? defaultCp);
        break;
      case 'cpg':
        if (state.dest === 'fonttbl' && state.font !== undefined && word.param) fonts.set(state.font, word.param);
        break;
      default: {
        const symbol = SYMBOLS[word.name] ?? (word.name.length === 1 && !/[a-z]/i.test(word.name) ? controlSymbol(word.name) : undefined);
        if (symbol !== undefined && state.dest !== 'fonttbl') text(symbol);
      }
    }
  }
  out.flush();
  return {
    body: out.body.join(''),
    margins: out.margins.join('').split('\n').map((m) => m.trim()).filter(Boolean),
    notes: out.notes.map((n) => ({ part: n.part, text: n.text.join('').trim() })).filter((n) => n.text !== ''),
    info: [...out.info].map(([name, value]) => ({ name, value: value.trim() })),
    html,
    invalid: out.invalid,
    missingBin,
  };
}

/** `\{` `\}` `\\` are literal, `\~` a no-break space, `\_` a no-break hyphen, `\-` an optional hyphen (nothing). */
function controlSymbol(name: string): string | undefined {
  if (name === '{' || name === '}' || name === '\\') return name;
  if (name === '~') return '\u00a0';
  if (name === '_') return '-';
  if (name === '-') return '';
  return undefined;
}

interface Word {
  name: string;
  param?: number;
  hex: number;
  next: number;
}

/** The control word or symbol at `at` (which holds the backslash); a space after a word is its delimiter. */
function controlWord(bytes: Uint8Array, at: number): Word {
  let i = at + 1;
  const first = bytes[i] ?? 0;
  const isLetter = (b: number): boolean => (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a);
  if (!isLetter(first)) {
    if (first === 0x27) {
      const digits = String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0);
      // Not two hex digits: an invalid byte (-1), counted like any byte its code page cannot decode.
      return { name: "'", hex: /^[0-9a-fA-F]{2}$/.test(digits) ? parseInt(digits, 16) : -1, next: i + 3 };
    }
    return { name: String.fromCharCode(first), hex: 0, next: i + 1 };
  }
  let name = '';
  while (i < bytes.length && isLetter(bytes[i] as number) && name.length < 32) name += String.fromCharCode(bytes[i++] as number);
  let digits = '';
  if (bytes[i] === 0x2d) digits = '-', i++;
  while (i < bytes.length && (bytes[i] as number) >= 0x30 && (bytes[i] as number) <= 0x39 && digits.length < 11) digits += String.fromCharCode(bytes[i++] as number);
  if (bytes[i] === 0x20) i++;
  const param = digits === '' || digits === '-' ? undefined : Number(digits);
  return { name, hex: 0, next: i, ...(param === undefined ? {} : { param }) };
}
