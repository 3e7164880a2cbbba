/**
 * Parsing of `git diff` output. Pure: strings in, data out.
 * `--numstat -z` gives the changed files (and which git thinks binary); `-U0` hunks give the added lines.
 */

export interface FileChange {
  /** Path relative to the top level, forward slashes. */
  path: string;
  /** git found no lines (binary to git: UTF-16, images, office files): every finding counts as added. */
  binary: boolean;
  /** Inclusive ranges of added line numbers in the new file. */
  added: [number, number][];
}

/** `added\tdeleted\tpath` fields; a rename is `added\tdeleted\t` followed by old and new path fields. */
export function parseNumstat(fields: readonly string[]): FileChange[] {
  const out: FileChange[] = [];
  for (let i = 0; i < fields.length; i++) {
    const parts = (fields[i] ?? '').split('\t');
    const binary = parts[0] === '-';
    let path = parts.slice(2).join('\t');
    if (path === '') {
      path = fields[i + 2] ?? '';
      i += 2;
    }
    out.push({ path, binary, added: [] });
  }
  return out;
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** git's C-style quoting of unusual path names (`"a\tb"`, `"\343\201\202"`). */
export function unquotePath(s: string): string {
  if (!s.startsWith('"') || !s.endsWith('"')) return s;
  const bytes: number[] = [];
  const body = s.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Index of the last line of a hunk body of `count` lines; `\ No newline at end of file` is not counted. */
function skipBody(lines: readonly string[], at: number, count: number): number {
  let i = at;
  for (let left = count; left > 0 && i + 1 < lines.length; ) {
    i++;
    if (!(lines[i] ?? '').startsWith('\\')) left--;
  }
  return i;
}

/**
 * Added line ranges per new path from a `-U0 --src-prefix=a/ --dst-prefix=b/` patch. Hunk bodies are
 * skipped by their line counts, so a content line that looks like a header (`+++ b/x`) is never read as one.
 */
export function parseAddedLines(patch: string): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  const lines = patch.split('\n');
  let current: [number, number][] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('+++ ')) {
      const name = unquotePath(line.slice(4).replace(/\t$/, '')); // git ends a name holding a space with a tab
      current = name.startsWith('b/') ? [] : undefined;
      if (current) out.set(name.slice(2), current);
      continue;
    }
    const hunk = HUNK.exec(line);
    if (!hunk) continue;
    const removed = hunk[1] === undefined ? 1 : Number(hunk[1]);
    const start = Number(hunk[2]);
    const added = hunk[3] === undefined ? 1 : Number(hunk[3]);
    if (added > 0) current?.push([start, start + added - 1]);
    i = skipBody(lines, i, removed + added);
  }
  return out;
}

export function inRanges(line: number, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([from, to]) => line >= from && line <= to);
}
