/**
 * Paths → SARIF URIs.
 * Input: a report path relative to the scan root (forward slashes, archive levels joined with `!/`).
 * Output: a relative URI reference with every path segment percent-encoded.
 * Never: resolves against the file system or the current directory.
 */

/** The separator between archive (or e-mail) levels in a report path (CONTRACT.md). */
export const ARCHIVE_SEPARATOR = '!/';

/**
 * Percent-encodes each `/`-separated segment. The schema's `uri-reference` format rejects raw Japanese
 * characters and spaces, and a `:` in the first segment would read as a URI scheme, so encodeURIComponent
 * is applied per segment. It leaves `!` alone, so `a.zip!/x/y.csv` keeps its readable jar-style `!/`.
 */
export function encodePathUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export interface ArchivePath {
  /** The file on disk: the part before the first `!/`. */
  outer: string;
  /** Inner levels (entry names), outermost first; empty for a plain file. */
  entries: string[];
}

/** Splits `a.zip!/inner.zip!/x.csv` into the outer file and its inner levels. */
export function splitArchivePath(path: string): ArchivePath {
  const [outer = '', ...entries] = path.split(ARCHIVE_SEPARATOR);
  return { outer, entries };
}
