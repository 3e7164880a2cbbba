/**
 * Path exclusion with gitignore semantics (the `ignore` package): --exclude globs.
 * Paths are relative to the scan base, forward slashes; directories end with '/'.
 */
import ignore from 'ignore';

export function excludeMatcher(patterns: readonly string[]): ((relPath: string) => boolean) | undefined {
  if (!patterns.length) return undefined;
  const ig = ignore().add([...patterns]);
  return (relPath) => {
    if (relPath.startsWith('/') || relPath.startsWith('..') || /^[A-Za-z]:/.test(relPath)) return false;
    return ig.ignores(relPath);
  };
}
