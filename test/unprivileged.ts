/**
 * Permission tests that also run as root (CI containers run as root, and root reads a 0000 file): as root,
 * the command runs as `nobody` through setpriv (util-linux, /usr/bin/setpriv), its working folders handed to
 * that user first; as any other user it runs as is. Without setpriv, root cannot drop privileges here and the
 * test fails saying so — it is never skipped.
 */
import { chownSync, existsSync, lstatSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const NOBODY = 65534;
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));

export interface Unprivileged {
  code: number;
  stdout: string;
  stderr: string;
}

export const isRoot = (): boolean => process.getuid?.() === 0;

function chownTree(path: string): void {
  chownSync(path, NOBODY, NOBODY);
  if (lstatSync(path).isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name));
}

/** The command line that runs `node args` without root's privileges (or as is, for another user). */
function commandLine(args: readonly string[]): [string, string[]] {
  if (!isRoot()) return [process.execPath, [...args]];
  if (!SETPRIV) throw new Error('running as root and setpriv is not installed: cannot drop privileges for this permission test');
  return [SETPRIV, [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--', process.execPath, ...args]];
}

/**
 * `node ARGS` in `cwd` without privileges. `owned`: folders the command must be able to use (as root they
 * are given to nobody, modes unchanged — so a 0000 folder stays unreadable to it).
 */
export function nodeUnprivileged(args: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv; owned: readonly string[] }): Unprivileged {
  if (isRoot()) for (const dir of opts.owned) chownTree(dir);
  const [cmd, argv] = commandLine(args);
  const r = spawnSync(cmd, argv, { cwd: opts.cwd, env: opts.env, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The uid the command really runs as (the tests check that it is not 0). */
export function unprivilegedUid(cwd: string): number {
  const r = nodeUnprivileged(['-e', 'process.stdout.write(String(process.getuid()))'], { cwd, env: process.env, owned: [] });
  return Number(r.stdout);
}
