/**
 * The one place jpii runs `git`: a child process with fixed arguments (never a shell), output as bytes.
 * Input: arguments, a working directory, the environment (GIT_INDEX_FILE and GIT_DIR set by a hook are
 * passed through). Output: stdout, or a GitError naming the command. Never: writes to the repository.
 */
import { execFile } from 'node:child_process';

export class GitError extends Error {}

/** Options that make output independent of the user's git configuration (colour, prefixes, quoting). */
const STABLE = ['-c', 'core.quotePath=false', '-c', 'color.ui=false', '-c', 'diff.noprefix=false'];

const MAX_BUFFER = 512 * 1024 * 1024;

export function git(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...STABLE, ...args],
      { cwd, env, encoding: 'buffer', maxBuffer: MAX_BUFFER, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new GitError('git is not installed or not on PATH'));
        const detail = stderr.toString('utf8').trim().split('\n')[0] || error.message;
        reject(new GitError(`git ${args[0] ?? ''}: ${detail}`));
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Absolute path of the work tree's top level, or a GitError when `cwd` is not inside a repository. */
export async function gitTopLevel(cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  try {
    return (await git(['rev-parse', '--show-toplevel'], cwd, env)).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitError && /not a git repository/i.test(error.message)) {
      throw new GitError('not inside a git repository (--staged and --diff need one)');
    }
    throw error;
  }
}

/** NUL-separated fields of `-z` output, without the empty tail. */
export function splitNul(out: Buffer): string[] {
  const fields = out.toString('utf8').split('\0');
  if (fields[fields.length - 1] === '') fields.pop();
  return fields;
}
