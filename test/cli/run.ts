/**
 * Test helpers: run the CLI in-process (main) or as the built bin, in temporary folders and git repos,
 * with an environment free of the caller's git state (a test run from a git hook must not see its index).
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(REPO_ROOT, 'bin', 'jpii.js');

/** A fixed key, so fingerprints are reproducible; English messages whatever the machine's locale. */
export function testEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_') && !k.startsWith('JPII_') && !k.startsWith('LC_')) env[k] = v;
  Object.assign(env, {
    LANG: 'C',
    NO_COLOR: '1',
    JPII_FINGERPRINT_KEY: 'test-fingerprint-key',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
    GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
    ...extra,
  });
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete env[k];
  return env;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      cb();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** `jpii ARGS` in-process, in `cwd`. */
export async function jpii(args: readonly string[], cwd: string, opts: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<RunResult> {
  const out = sink();
  const err = sink();
  const stdin = new PassThrough();
  stdin.end(opts.stdin ?? '');
  const code = await main(args, { stdout: out.stream, stderr: err.stream, stdin, cwd, env: opts.env ?? testEnv() });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** The built bin as a user runs it (transcript tests). */
export function jpiiBin(args: readonly string[], cwd: string, opts: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: opts.env ?? testEnv(), input: opts.stdin ?? '', encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * dist/ is built from the current source by the vitest globalSetup (test/setup/global-setup.ts) before every
 * run; this only says so clearly when a test file is run without that setup.
 */
export function ensureBuilt(): void {
  if (!existsSync(join(REPO_ROOT, 'dist', 'cli.js'))) throw new Error('dist/ is not built: run the tests through vitest (its globalSetup builds dist/)');
}

export function tempDir(prefix = 'jpii-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes files (string: UTF-8; Uint8Array: as is), creating folders. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = join(dir, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** `git ARGS` in `cwd` with the test environment; returns stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: testEnv(), encoding: 'utf8' });
}

/** A fresh repository with a local identity (no global config is read). */
export function initRepo(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'jpii test');
  git(dir, 'config', 'user.email', 'test@example.com');
}

export function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}

export interface JsonReport {
  files: { path: string; status: string; findings: { type: string; level: string; location: { line?: number }; fingerprint: string; suppressed?: { reason?: string } }[] }[];
  summary: { files: number; findings: number; suppressed: number };
}

export function findingsOf(stdout: string): { path: string; type: string; line?: number }[] {
  const report = JSON.parse(stdout) as JsonReport;
  return report.files.flatMap((f) => f.findings.filter((x) => !x.suppressed).map((x) => ({ path: f.path, type: x.type, ...(x.location.line === undefined ? {} : { line: x.location.line }) })));
}

/** Paths that carry at least one unsuppressed value finding (file-level findings left out), sorted. */
export function pathsWithFindings(stdout: string): string[] {
  return [...new Set(findingsOf(stdout).filter((f) => f.type !== 'unlabelled-sensitive-file').map((f) => f.path))].sort();
}
