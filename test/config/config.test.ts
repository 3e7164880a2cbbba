import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findConfig } from '../../src/config/discover.js';
import { findingsOf, jpii, pathsWithFindings, tempDir, writeFiles } from '../cli/run.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('jpii-config-')));
afterEach(() => cleanup());

const config = (data: unknown, name = 'jpii.config.json', at = dir): void => writeFiles(at, { [name]: JSON.stringify(data, null, 2) });
const scanJson = (args: string[] = [], cwd = dir) => jpii(['scan', '--format', 'json', ...args], cwd);

const PII = { 'a.txt': 'マイナンバー: 123456789018\n電話 090-1234-5678\n' };

describe('config discovery', () => {
  it('finds jpii.config.json or .jpii.json in the folder or the nearest one above, and nothing when there is none', () => {
    mkdirSync(join(dir, 'a', 'b', 'c'), { recursive: true });
    writeFileSync(join(dir, 'a', '.jpii.json'), '{}');
    writeFileSync(join(dir, 'a', 'b', 'jpii.config.json'), '{}');
    expect(findConfig(join(dir, 'a', 'b', 'c'))).toBe(join(dir, 'a', 'b', 'jpii.config.json'));
    expect(findConfig(join(dir, 'a', 'b', 'c', 'file.txt'))).toBe(join(dir, 'a', 'b', 'jpii.config.json'));
    expect(findConfig(join(dir, 'a'))).toBe(join(dir, 'a', '.jpii.json'));
    expect(findConfig(dir)).toBeUndefined();
  });

  it('starts at the first scanned path, so a nested project uses its own config', async () => {
    writeFiles(dir, { 'proj/a.txt': PII['a.txt'] });
    config({ disable: ['phone'] }, 'jpii.config.json', join(dir, 'proj'));
    const r = await scanJson(['proj']);
    expect(findingsOf(r.stdout).map((f) => f.type)).not.toContain('phone');
    expect(findingsOf(r.stdout).map((f) => f.type)).toContain('my-number');
  });

  it('uses --config FILE, ignores every config with --no-config, and lets flags win over the config', async () => {
    writeFiles(dir, PII);
    config({ disable: ['my-number'], failOn: 'never' }, 'other.json');
    config({ disable: ['phone'] });
    const types = async (args: string[]) => findingsOf((await scanJson(args)).stdout).map((f) => f.type);
    expect(await types([])).not.toContain('phone');
    expect(await types(['--config', 'other.json'])).not.toContain('my-number');
    expect(await types(['--no-config'])).toEqual(expect.arrayContaining(['phone', 'my-number']));
    expect((await scanJson(['--config', 'other.json'])).code).toBe(0);
    expect((await scanJson(['--config', 'other.json', '--fail-on', 'medium'])).code).toBe(1);
  });
});

describe('config errors: one line per problem naming the file and the key, exit 2', () => {
  it.each([
    ['an unknown level', { minConfidence: 'extreme' }, ['jpii.config.json: minConfidence: must be equal to one of the allowed values (low, medium, high)']],
    ['an unknown key', { minConfidense: 'low' }, ['jpii.config.json: minConfidense: unknown key']],
    ['a wrong type in a list', { exclude: ['ok/**', 3] }, ['jpii.config.json: exclude[1]: must be string']],
    ['an unknown detector', { disable: ['phone', 'shoe-size'] }, ["jpii.config.json: disable[1]: unknown detector 'shoe-size'"]],
    ['a bad allow regex', { allow: { patterns: ['(unclosed'] } }, ['jpii.config.json: allow.patterns[0]: Invalid regular expression']],
    ['a value in clear in the allowlist', { allow: { values: ['09012345678'] } }, ['jpii.config.json: allow.values[0]: has the wrong form']],
    ['a bad size', { maxFileSize: '12 parsecs' }, ['jpii.config.json: maxFileSize:']],
    ['two problems at once', { failOn: 'sometimes', types: [] }, ['jpii.config.json: failOn: must be equal', 'jpii.config.json: types: must NOT have fewer than 1 items']],
  ])('%s', async (_name, data, expected) => {
    writeFiles(dir, PII);
    config(data);
    const r = await scanJson();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    for (const line of expected) expect(r.stderr).toContain(line);
    expect(r.stderr).not.toContain('123456789018');
  });

  it('reports invalid JSON, a missing --config file and a config in a subfolder by its relative path', async () => {
    writeFiles(dir, { 'sub/jpii.config.json': '{ "failOn": ', 'sub/a.txt': 'x\n' });
    const bad = await scanJson(['sub']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^jpii: sub\/jpii\.config\.json: not valid JSON/);
    const missing = await scanJson(['--config', 'nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--config: no such file: nope.json');
  });

  it('checks custom pattern files against patterns/schema.json and names the file and field', async () => {
    writeFiles(dir, { 'pat/emp.yaml': 'id: employee-id\nname: { ja: 社員番号 }\n' });
    config({ patterns: ['pat/emp.yaml', { id: 'Bad Id' }] });
    const r = await scanJson();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pat/emp.yaml: name: must have required property');
    expect(r.stderr).toContain('jpii.config.json: patterns[1]: id: must match pattern');
  });
});

const EMPLOYEE_PATTERN = {
  id: 'employee-id',
  name: { ja: '社員番号', en: 'Employee ID' },
  description: 'Our employee numbers.',
  validates: 'EMP- and six digits.',
  severity: 'medium',
  match: [{ regex: '(?<value>EMP-\\d{6})' }],
  canonical: 'upper',
  score: { base: 0.9 },
  examples: {
    positive: [{ text: 'EMP-123456', value: 'EMP-123456' }, { text: 'id EMP-654321', value: 'EMP-654321' }],
    negative: [{ text: 'EMP-12' }, { text: 'TMP-123456' }],
  },
};

describe('config keys change the scan', () => {
  it('disable, types and minConfidence', async () => {
    writeFiles(dir, { ...PII, 'b.txt': '100-0001\n' });
    config({ types: ['phone', 'postal-code'], minConfidence: 'high' });
    const types = findingsOf((await scanJson()).stdout).map((f) => f.type);
    expect(types).toContain('phone');
    expect(types).not.toContain('my-number');
    expect(types).not.toContain('postal-code'); // a bare postal code without 〒 or a keyword is low
  });

  it('disable: unlabelled-sensitive-file drops the file-level finding', async () => {
    writeFiles(dir, PII);
    config({ disable: ['unlabelled-sensitive-file'] });
    expect(findingsOf((await scanJson()).stdout).map((f) => f.type)).toEqual(['my-number', 'phone']);
  });

  it('exclude globs are relative to the config file', async () => {
    writeFiles(dir, { 'fixtures/a.txt': PII['a.txt'], 'src/fixtures/b.txt': PII['a.txt'], 'src/c.txt': PII['a.txt'] });
    config({ exclude: ['/fixtures/'] });
    expect(pathsWithFindings((await scanJson(['src'])).stdout)).toEqual(['src/c.txt', 'src/fixtures/b.txt']);
    expect(pathsWithFindings((await scanJson()).stdout)).toEqual(['src/c.txt', 'src/fixtures/b.txt']);
  });

  it('allow.values holds keyed hashes from `jpii hash` (value read from stdin) and hides exactly that value', async () => {
    writeFiles(dir, { 'a.txt': '電話 090-1234-5678\n電話 03-5555-0123\n' });
    const hash = await jpii(['hash', 'phone'], dir, { stdin: '０９０−１２３４−５６７８\n' });
    expect(hash.code).toBe(0);
    expect(hash.stdout).toMatch(/^[0-9a-f]{32}\n$/);
    config({ allow: { values: [{ hash: hash.stdout.trim(), note: 'test phone' }] } });
    const r = await scanJson();
    expect(findingsOf(r.stdout).filter((f) => f.type === 'phone').map((f) => f.line)).toEqual([2]);
  });

  it('allow.patterns hides values matching a regex', async () => {
    writeFiles(dir, { 'a.txt': '電話 090-1234-5678\n電話 03-5555-0123\n' });
    config({ allow: { patterns: ['^035555'] } });
    expect(findingsOf((await scanJson()).stdout).filter((f) => f.type === 'phone').map((f) => f.line)).toEqual([1]);
  });

  it('labels add classification words, patterns add detectors that reports name', async () => {
    writeFiles(dir, { 'a.txt': '【部内限定】\n社員 EMP-123456\n' });
    config({ labels: ['部内限定'], patterns: [EMPLOYEE_PATTERN] });
    const r = await scanJson();
    const file = (JSON.parse(r.stdout) as { files: { labels: string[] }[] }).files[0];
    expect(file?.labels).toContain('部内限定');
    expect(findingsOf(r.stdout).map((f) => f.type)).toContain('employee-id');
    const sarif = await jpii(['scan', '--format', 'sarif'], dir);
    expect(sarif.stdout).toContain('"id": "employee-id"');
  });

  it('does not scan its own files: the config, its pattern files (their examples) and the baseline', async () => {
    writeFiles(dir, { 'pat/emp.json': JSON.stringify(EMPLOYEE_PATTERN), 'a.txt': '社員 EMP-123456\n' });
    config({ patterns: ['pat/emp.json', EMPLOYEE_PATTERN] });
    await jpii(['baseline', '-q'], dir);
    const r = await scanJson(['--baseline', 'jpii-baseline.json', '--fail-on', 'never']);
    const paths = (JSON.parse(r.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    expect(paths).toEqual(['a.txt']);
  });

  it('--types accepts the id of a custom pattern', async () => {
    writeFiles(dir, { 'a.txt': '社員 EMP-123456 電話 090-1234-5678\n' });
    config({ patterns: [EMPLOYEE_PATTERN] });
    const r = await scanJson(['--types', 'employee-id']);
    expect(findingsOf(r.stdout).map((f) => f.type)).toEqual(['employee-id']);
  });

  it('fingerprintKeyEnv names the key variable and notes when it is unset', async () => {
    writeFiles(dir, PII);
    config({ fingerprintKeyEnv: 'TEAM_KEY' });
    const one = await jpii(['scan', '--format', 'json'], dir, { env: { ...process.env, NO_COLOR: '1', TEAM_KEY: 'k1' } });
    const two = await jpii(['scan', '--format', 'json'], dir, { env: { ...process.env, NO_COLOR: '1', TEAM_KEY: 'k2' } });
    const fp = (s: string) => (JSON.parse(s) as { files: { findings: { fingerprint: string }[] }[] }).files[0]?.findings[0]?.fingerprint;
    expect(fp(one.stdout)).not.toBe(fp(two.stdout));
    const unset = await jpii(['scan', '--format', 'json'], dir, { env: { PATH: process.env.PATH, LANG: 'C' } });
    expect(unset.stderr).toContain('TEAM_KEY is not set');
  });
});

describe('jpii init', () => {
  it('writes a config that loads cleanly, with $schema and comments, and refuses to overwrite', async () => {
    const first = await jpii(['init'], dir);
    expect(first.code).toBe(0);
    const written = JSON.parse((await import('node:fs')).readFileSync(join(dir, 'jpii.config.json'), 'utf8')) as Record<string, unknown>;
    expect(written.$schema).toBe('./node_modules/jpii/jpii.schema.json');
    expect(Object.keys(written).filter((k) => k.startsWith('$comment')).length).toBeGreaterThanOrEqual(5);
    writeFiles(dir, PII);
    expect((await scanJson()).code).toBe(1);
    const again = await jpii(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });
});

describe('jpii hash', () => {
  it.each([
    ['a value that is not valid for the type', ['hash', 'my-number', '123456789012'], 'not a valid my-number'],
    ['an unknown type', ['hash', 'shoe-size', '42'], "unknown detector 'shoe-size'"],
    ['no value on stdin', ['hash', 'phone'], 'no value given'],
  ])('exits 2 for %s', async (_name, args, message) => {
    const r = await jpii(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('gives one hash for every way of writing a value, and another for another key', async () => {
    const h = async (v: string, key = 'k') => (await jpii(['hash', 'my-number', v], dir, { env: { PATH: process.env.PATH, JPII_FINGERPRINT_KEY: key } })).stdout;
    expect(await h('1234 5678 9018')).toBe(await h('１２３４−５６７８−９０１８'));
    expect(await h('123456789018')).not.toBe(await h('123456789018', 'other'));
  });
});
