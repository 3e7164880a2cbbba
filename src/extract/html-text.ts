/**
 * html-text: HTML → plain text for detection (e-mail bodies, .msg and RTF-wrapped HTML). Scripts, styles and
 * comments dropped (code and Outlook conditionals, not message text); block ends become newlines, cell ends
 * tabs, a definition term or label ends with a tab before its value, so fields stay apart and beside their
 * labels; the value of a filled form field is text. Entities decoded last.
 * Never renders, never fetches, linear in the length of the HTML.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', yen: '¥', copy: '©', reg: '®', times: '×', hellip: '…',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Removes every block from `open` to the `>` that ends `close` (`<script`…`</script>`, `<!--`…`-->`), with
 * indexOf: linear, where a lazy regex is quadratic on many unclosed blocks. An unclosed block runs to the end.
 */
function dropBlocks(html: string, open: string, close: string): string {
  const lower = html.replace(/[A-Z]+/g, (s) => s.toLowerCase()); // ASCII only: indices must stay aligned
  let out = '';
  let at = 0;
  for (let start = lower.indexOf(open, at); start !== -1; start = lower.indexOf(open, at)) {
    const end = lower.indexOf(close, start + open.length);
    out += html.slice(at, start);
    at = end === -1 ? html.length : lower.indexOf('>', end) + 1 || html.length;
  }
  return out + html.slice(at);
}

/**
 * HTML body → text: scripts, styles and comments dropped (code and Outlook conditionals, not message text),
 * block ends become newlines and cell ends tabs so table cells stay apart, entities decoded last.
 */
/** Comments, scripts and styles removed: code and Outlook conditionals, not message text. */
export function dropInvisible(html: string): string {
  return dropBlocks(dropBlocks(dropBlocks(html, '<!--', '-->'), '<script', '</script'), '<style', '</style');
}

export function htmlToText(html: string): string {
  const text = dropInvisible(html)
    .replace(/<br\b[^<>]*>/gi, '\n')
    .replace(/<\/(p|div|tr|li|dd|h[1-6]|table|blockquote|title)\s*>/gi, '\n')
    .replace(/<\/(t[dh]|dt|label)\s*>/gi, '\t')
    .replace(/<input\b[^<>]*?\bvalue\s*=\s*"([^"<>]*)"[^<>]*>/gi, '$1\n')
    .replace(/<[/!?]?[a-z][^<>]*>/gi, ''); // a tag starts with a letter (HTML spec): `1 < 2` is text
  return decodeEntities(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

