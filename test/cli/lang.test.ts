import type { Log } from 'sarif';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultLang } from '../../src/i18n/messages.js';
import { jpii, tempDir, testEnv, writeFiles } from './run.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('jpii-lang-'));
  writeFiles(dir, { 'a.txt': 'マイナンバー: 123456789018\n' });
});
afterEach(() => cleanup());

describe('--lang', () => {
  it.each([
    [{ LANG: 'ja_JP.UTF-8' }, 'ja'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'ja_JP.UTF-8', LC_ALL: 'C' }, 'en'],
    [{ LANG: 'C', LC_MESSAGES: 'ja_JP.UTF-8' }, 'ja'],
    [{}, 'en'],
  ])('defaults from the locale: %j → %s', (env, lang) => {
    expect(defaultLang(env)).toBe(lang);
  });

  it('switches the text report headings', async () => {
    const ja = await jpii(['scan', '--lang', 'ja'], dir);
    expect(ja.stdout).toContain('集計');
    expect(ja.stdout).toContain('個人番号（マイナンバー） (My Number');
    const en = await jpii(['scan'], dir, { env: testEnv({ LANG: 'ja_JP.UTF-8' }) });
    expect(en.stdout).toContain('集計');
    expect((await jpii(['scan', '--lang', 'en'], dir, { env: testEnv({ LANG: 'ja_JP.UTF-8' }) })).stdout).toContain('Summary');
  });

  it('switches SARIF result messages and rule help, and the SARIF stays free of the value', async () => {
    const sarif = async (lang: string) => JSON.parse((await jpii(['scan', '--format', 'sarif', '--lang', lang], dir)).stdout) as Log;
    const ja = await sarif('ja');
    const en = await sarif('en');
    const msg = (log: Log) => log.runs[0]?.results?.find((r) => r.ruleId === 'my-number')?.message.text;
    expect(msg(ja)).toBe('個人番号（マイナンバー）の可能性: 1234 **** ****');
    expect(msg(en)).toBe('Possible My Number (Individual Number): 1234 **** ****');
    const help = (log: Log) => log.runs[0]?.tool.driver.rules?.find((r) => r.id === 'my-number')?.help?.text ?? '';
    expect(help(ja)).toContain('検証内容:');
    expect(help(ja)).toContain('jpii-ignore');
    expect(help(en)).toContain('Validates:');
    expect(help(en)).toContain('Remove or mask the value');
    expect(JSON.stringify(ja)).not.toContain('123456789018');
  });

  it('switches CLI notes (baseline count)', async () => {
    await jpii(['baseline', '-q'], dir);
    const r = await jpii(['scan', '--baseline', 'jpii-baseline.json', '--lang', 'ja'], dir);
    expect(r.stdout).toContain('ベースラインに記録済みの検出 2 件を非表示にしました');
  });
});
