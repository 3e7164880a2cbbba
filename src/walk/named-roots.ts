/**
 * A folder named on the command line is walked whatever the ignore rules say about it or the folders above
 * it (as ripgrep does): `jpii scan node_modules` inside a git work tree whose `.gitignore` lists
 * node_modules scans it. The rules still apply below it, each path judged on its own name.
 * The `ignore` package judges a path after its parent folders (a file under an ignored folder is ignored,
 * as git says), so each rule set that reaches a named folder gets negations for that folder and every folder
 * between the rule file and it. `!/a/` re-includes the folder `a/` only, not what is inside it (tested).
 * Input: the rule set's folder and the named folders (absolute). Output: gitignore lines. Pure.
 */
import { isAbsolute, relative, sep } from 'node:path';

/** gitignore escapes for a literal name: `\` before `* ? [ ] ! #` and `\`, and a trailing space kept. */
function literal(name: string): string {
  return name.replace(/[\\*?[\]!#]/g, '\\$&').replace(/ $/, '\\ ');
}

/** The folders from just below `dir` down to `root`, as anchored negations; none when root is not below dir. */
export function keepNamedRoots(dir: string, roots: readonly string[]): string[] {
  const lines = new Set<string>();
  for (const root of roots) {
    const rel = relative(dir, root);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) continue;
    const parts = rel.split(sep);
    for (let i = 1; i <= parts.length; i++) lines.add(`!/${parts.slice(0, i).map(literal).join('/')}/`);
  }
  return [...lines];
}
