/**
 * SARIF locations for a report path and a finding's Location.
 * Input: the file's report path (may hold `!/` archive levels) and the finding location.
 * Output: physicalLocation (percent-encoded relative URI under %SRCROOT%, region for text) and
 * logicalLocations (archive entry, sheet!cell, page, slide, docx part, paragraph).
 * Never: puts a finding's value into a location.
 */
import type { ArtifactLocation, Location as SarifLocation, LogicalLocation, Region } from 'sarif';
import type { Location } from '../model.js';
import { sheetCell } from './location.js';
import { ARCHIVE_SEPARATOR, encodePathUri, splitArchivePath } from './uri.js';

export const SRCROOT = '%SRCROOT%';

/**
 * The whole report path is the URI (`a.zip!/%E5%90%8D%E7%B0%BF/...`): the region's line and column count
 * within the innermost entry, so pointing at the outer archive would make them meaningless.
 */
export function artifactLocation(path: string): ArtifactLocation {
  return { uri: encodePathUri(path), uriBaseId: SRCROOT };
}

function isPositiveInt(n: number | undefined): n is number {
  return n !== undefined && Number.isInteger(n) && n >= 1;
}

/** Only text locations get a region; the schema needs startLine ≥ 1 for one. */
export function regionOf(loc: Location): Region | undefined {
  if (!isPositiveInt(loc.line)) return undefined;
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

export function sarifLocation(path: string, loc: Location): SarifLocation {
  const region = regionOf(loc);
  const physicalLocation = region
    ? { artifactLocation: artifactLocation(path), region }
    : { artifactLocation: artifactLocation(path) };
  const logicalLocations = [...entryLocations(path, loc), ...documentLocations(loc)];
  return logicalLocations.length > 0 ? { physicalLocation, logicalLocations } : { physicalLocation };
}
