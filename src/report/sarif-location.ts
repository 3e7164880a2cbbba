/**
 * SARIF locations for a report path and a finding's Location.
 * Input: the file's report path (may hold `!/` archive levels) and the finding location.
 * Output: physicalLocation (percent-encoded relative URI under %SRCROOT%, or an absolute file: URI for a file
 * outside the scan root; a region on every location) and
 * logicalLocations (archive entry, sheet!cell, page, slide, docx part, paragraph).
 * Never: puts a finding's value into a location.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Location as SarifLocation, LogicalLocation, Region } from 'sarif';
import type { Location } from '../model.js';
import { sheetCell } from './location.js';
import { ARCHIVE_SEPARATOR, encodePathUri, splitArchivePath } from './uri.js';

export const SRCROOT = '%SRCROOT%';

/** A report path outside the scan root: absolute (`/mnt/share/…`, `C:/…`) or climbing out of it (`../…`). */
function outsideRoot(outer: string): boolean {
  return outer.startsWith('/') || isAbsolute(outer) || outer === '..' || outer.startsWith('../');
}

/**
 * The whole report path is the URI (`a.zip!/%E5%90%8D%E7%B0%BF/...`): the region's line and column count
 * within the innermost entry, so pointing at the outer archive would make them meaningless.
 * A file outside the scan root (a folder scanned from elsewhere) gets an absolute `file:` URI and no
 * uriBaseId: a relative reference must not start with `/` (SARIF1004), and `../` would leave %SRCROOT%.
 */
export function artifactLocation(path: string, srcRoot?: string): ArtifactLocation {
  const { outer, entries } = splitArchivePath(path);
  if (!outsideRoot(outer) || (srcRoot === undefined && !outer.startsWith('/') && !isAbsolute(outer))) {
    return { uri: encodePathUri(path), uriBaseId: SRCROOT };
  }
  const file = pathToFileURL(srcRoot === undefined ? outer : resolve(srcRoot, outer)).href;
  return { uri: [file, ...entries.map(encodePathUri)].join(ARCHIVE_SEPARATOR) };
}

function isPositiveInt(n: number | undefined): n is number {
  return n !== undefined && Number.isInteger(n) && n >= 1;
}

/**
 * GitHub code scanning places an alert by `region.startLine` and the validator's GitHub rules want one on
 * every result. Text findings have their line and column; a finding in a sheet cell, a page, a slide or a
 * paragraph has no line of the file, so it says line 1 (the file) and keeps its place as logical locations.
 */
export function regionOf(loc: Location): Region {
  if (!isPositiveInt(loc.line)) return { startLine: 1 };
  return isPositiveInt(loc.column) ? { startLine: loc.line, startColumn: loc.column } : { startLine: loc.line };
}

/** Archive levels of the path, then the location's own entry: kind `resource`, full path as qualified name. */
function entryLocations(path: string, loc: Location): LogicalLocation[] {
  const { outer, entries } = splitArchivePath(path);
  const out: LogicalLocation[] = [];
  let qualified = outer;
  for (const name of loc.entry === undefined ? entries : [...entries, loc.entry]) {
    qualified += ARCHIVE_SEPARATOR + name;
    out.push({ name, fullyQualifiedName: qualified, kind: 'resource' });
  }
  return out;
}

/** Positions inside a document: `Sheet1!B3`, `page 2`, `slide 1`, `header1`, `paragraph 3`. */
function documentLocations(loc: Location): LogicalLocation[] {
  const names = [
    sheetCell(loc),
    loc.page === undefined ? undefined : `page ${loc.page}`,
    loc.slide === undefined ? undefined : `slide ${loc.slide}`,
    loc.part,
    loc.paragraph === undefined ? undefined : `paragraph ${loc.paragraph}`,
  ];
  return names.filter((n): n is string => n !== undefined && n !== '').map((name) => ({ name, kind: 'member' }));
}

export function sarifLocation(path: string, loc: Location, srcRoot?: string): SarifLocation {
  const physicalLocation = { artifactLocation: artifactLocation(path, srcRoot), region: regionOf(loc) };
  const logicalLocations = [...entryLocations(path, loc), ...documentLocations(loc)];
  return logicalLocations.length > 0 ? { physicalLocation, logicalLocations } : { physicalLocation };
}
