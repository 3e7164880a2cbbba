/**
 * Transcripts of the built bin (`node bin/jpii.js …`), as a user or a CI job sees them: stdout, stderr and
 * the exit code. dist/ is built from the current source by the vitest globalSetup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, jpiiBin, tempDir, testEnv, writeFiles } from './run.js';

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ensureBuilt();
  ({ dir, cleanup } = tempDir('jpii-transcript-'));
  writeFiles(dir, { 'a.txt': 'マイナンバー: 123456789018\n', 'clean.txt': 'nothing to see\n' });
});
afterAll(() => cleanup());

describe('jpii (built bin) transcripts', () => {
  it('--help: usage on stdout, exit 0', () => {
    const r = jpiiBin(['--help'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Usage: jpii /);
    for (const cmd of ['scan', 'baseline', 'rules', 'hash', 'init']) expect(r.stdout).toMatch(new RegExp(`^  ${cmd}\\b`, 'm'));
  });

  it('scan --help lists the CI options and the exit codes', () => {
    const r = jpiiBin(['scan', '--help'], dir);
    expect(r.code).toBe(0);
    for (const flag of ['--staged', '--diff <ref>', '--baseline <file>', '--config <file>', '--no-config', '--no-ignore', '--fail-on <level>', '--lang <lang>']) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stdout).toContain('Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or fatal error.');
  });

  it.each([
    ['an unknown option', ['scan', '--frobnicate'], "jpii: unknown option '--frobnicate'\nTry 'jpii --help'.\n"],
    ['an unknown format', ['scan', 'a.txt', '--format', 'xml'], "jpii: --format: unknown format 'xml' (use text, json, sarif, csv, html, xlsx)\nTry 'jpii --help'.\n"],
    ['a missing path', ['scan', 'no-such-dir'], "jpii: no such file or directory: no-such-dir\nTry 'jpii --help'.\n"],
    ['an unknown level', ['scan', 'a.txt', '--fail-on', 'sometimes'], "jpii: --fail-on: 'sometimes' is not one of low, medium, high\nTry 'jpii --help'.\n"],
    ['an unknown language', ['scan', 'a.txt', '--lang', 'fr'], "jpii: --lang: 'fr' is not ja or en\nTry 'jpii --help'.\n"],
  ])('exit 2 and one message on stderr for %s', (_name, args, stderr) => {
    const r = jpiiBin(args, dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(stderr);
  });

  it('exit 1 when a finding is at or above --fail-on, 0 with --fail-on never, 0 on a clean file', () => {
    expect(jpiiBin(['scan', 'a.txt'], dir).code).toBe(1);
    const never = jpiiBin(['scan', 'a.txt', '--fail-on', 'never'], dir);
    expect(never.code).toBe(0);
    expect(never.stdout).toContain('1234 **** ****');
    expect(never.stdout).not.toContain('123456789018');
    expect(jpiiBin(['scan', 'clean.txt'], dir).code).toBe(0);
  });

  it('hash reads the value from stdin and prints only the hash', () => {
    const r = jpiiBin(['hash', 'my-number'], dir, { stdin: '1234 5678 9018\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^[0-9a-f]{32}\n$/);
    expect(r.stderr).toBe('');
  });

  it('warns when hashing with the public default key', () => {
    const r = jpiiBin(['hash', 'my-number', '123456789018'], dir, { env: testEnv({ JPII_FINGERPRINT_KEY: undefined }) });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('JPII_FINGERPRINT_KEY is not set');
  });

  it('--version prints the version', () => {
    const r = jpiiBin(['--version'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
