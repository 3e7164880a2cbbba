/**
 * Builds dist/ from the current source (tsc, then the pattern JSON) — what `npm run build` does — and
 * stamps it with a digest of the sources it was built from. The vitest globalSetup calls this before every
 * run, because worker threads and the CLI transcripts run dist/, not src/: without it a source change would
 * be tested against a stale build.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Written into dist/ after a successful build: the digest of the sources below. */
export const STAMP_FILE = '.source-digest';

/** What a build reads: the TypeScript sources, the pattern data, and the build configuration. */
const INPUTS = ['src', 'patterns', 'tsconfig.json', 'scripts/build-patterns.js'];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** SHA-256 over every input file's path and content, in a fixed order. */
export function sourceDigest(root: string): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((p) => filesUnder(join(root, p)))) {
    hash.update(relative(root, file).split('\\').join('/')).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** dist/ JavaScript whose TypeScript source was deleted or renamed: left behind by tsc, so removed here. */
function pruneOrphans(root: string): void {
  const dist = join(root, 'dist');
  for (const file of filesUnder(dist).filter((f) => f.endsWith('.js'))) {
    const source = join(root, 'src', relative(dist, file)).replace(/\.js$/, '.ts');
    if (!existsSync(source)) rmSync(file);
  }
}

/** Builds `root`/dist from `root`/src and stamps it; throws (with tsc's output) when the build fails. */
export function buildDist(root: string): void {
  const digest = sourceDigest(root);
  const run = (args: string[]): void => {
    execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  };
  try {
    run([join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')]);
    run([join(root, 'scripts', 'build-patterns.js')]);
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`building dist/ failed:\n${e.stdout ?? ''}${e.stderr ?? ''}${e.stdout || e.stderr ? '' : e.message}`);
  }
  pruneOrphans(root);
  writeFileSync(join(root, 'dist', STAMP_FILE), `${digest}\n`);
}

/** The digest dist/ was last built from, or undefined when it was not built by buildDist. */
export function builtDigest(root: string): string | undefined {
  const file = join(root, 'dist', STAMP_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}
