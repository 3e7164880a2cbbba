/**
 * A file's role, from its name: project metadata (package.json, AUTHORS, LICENSE, CODEOWNERS…) carries the
 * contact details its authors publish about themselves. They are personal information, but they do not make
 * the file one that needs a 社外秘 label (docs/appi.md). Decided by the file's role, never by whose names
 * appear in it. Pure.
 */
export type FileRole = 'project-metadata';

const METADATA_NAMES =
  /^(package\.json|composer\.json|bower\.json|pyproject\.toml|setup\.cfg|cargo\.toml|pom\.xml|[^/]+\.gemspec|[^/]+\.nuspec|citation\.cff|codeowners|\.mailmap|(authors|contributors|maintainers|credits|license|licence|copying|notice|copyright|patents|owners)(\.[a-z]+)?)$/i;

export function fileRole(path: string): FileRole | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return METADATA_NAMES.test(name) ? 'project-metadata' : undefined;
}
