/**
 * Names of archive members and attachments, made safe to show as report paths (`outer.zip!/inner/file.csv`).
 * Input: the name as the container stores it. Output: a relative path inside the container's namespace — no
 * `..`, no leading `/`, no drive letter or UNC prefix, no control characters, no `!/` that would fake another
 * archive level — and a note saying what was changed, for the entry's FileResult.notes.
 * Never touches the file system: names are only ever shown, nothing is extracted to disk.
 */

export interface SafeName {
  name: string;
  note?: string;
}

/** Control characters (C0, DEL, C1) would let a name rewrite a terminal line or split a CSV row. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** `..`, absolute and drive-letter paths resolved inside the container; `fallback` for a name that ends up empty. */
export function safeEntryName(raw: string, fallback: string): SafeName {
  const problems: string[] = [];
  let path = raw.replace(/\\/g, '/');
  const cleaned = path.replace(CONTROL, '_');
  if (cleaned !== path) problems.push('control characters replaced');
  path = cleaned;
  const prefix = /^(?:[A-Za-z]:|\/\/[^/]+\/[^/]+|\/+)/.exec(path)?.[0];
  if (prefix) {
    problems.push(/^[A-Za-z]:/.test(prefix) ? 'drive letter removed' : 'absolute path made relative');
    path = path.slice(prefix.length);
  }
  const parts: string[] = [];
  let climbed = false;
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      climbed = true;
      parts.pop(); // resolved inside the container: it never climbs above its root
    } else {
      parts.push(part);
    }
  }
  if (climbed) problems.push('".." segments resolved inside the container');
  let name = parts.join('/');
  if (/!\//.test(name)) {
    problems.push('"!/" (the archive-level separator) replaced');
    name = name.replace(/!\//g, '!_/');
  }
  if (name === '') name = fallback;
  if (problems.length === 0) return { name };
  return { name, note: `entry name ${JSON.stringify(raw)} made safe as ${JSON.stringify(name)}: ${problems.join(', ')}` };
}

/** A name not yet used in this container: `a.csv`, then `a (2).csv`… (two members must not share a report path). */
export function uniqueName(name: string, taken: Set<string>): string {
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = name.replace(/(\.[^./]*)?$/, (ext) => ` (${n})${ext}`);
  taken.add(unique);
  return unique;
}

/**
 * An attachment's name as one path level: its last segment (a name with folders, `..` or a drive letter is a
 * trick or an accident, never a place), made safe and unique in the message; `fallback` when it has none.
 */
export function attachmentName(raw: string | undefined, fallback: string, taken: Set<string>): SafeName {
  const trimmed = raw?.trim() ?? '';
  const safe = safeEntryName(trimmed, fallback);
  const base = safe.name.split('/').pop() || fallback;
  const name = uniqueName(base, taken);
  const changed = trimmed !== '' && name !== trimmed;
  return changed && (safe.note || base !== safe.name) ? { name, note: `attachment name ${JSON.stringify(trimmed)} shown as ${JSON.stringify(name)} (one level, inside the message)` } : { name };
}
