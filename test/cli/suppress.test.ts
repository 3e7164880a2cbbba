import type { Log } from 'sarif';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jpii, tempDir, writeFiles, type JsonReport } from './run.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('jpii-suppress-')));
afterEach(() => cleanup());

const FILES = {
  'app.py': [
    'TEST_TEL = "090-1234-5678"  # jpii-ignore: synthetic test number',
    '# jpii-ignore-next-line',
    'SAMPLE = "マイナンバー 123456789018"',
    'OTHER = "マイナンバー 987654321093"',
  ].join('\n'),
  'page.html': '<p>〒100-0001 東京都千代田区千代田1-1</p> <!-- jpii-ignore: demo address -->\n',
  'style.css': '/* jpii-ignore-next-line */\n/* 電話 090-1234-5678 */\n',
};

describe('inline suppressions', () => {
  it('are counted as suppressed, keep their reason, and do not affect the exit code', async () => {
    writeFiles(dir, { 'app.py': FILES['app.py'].split('\n').slice(0, 3).join('\n'), 'page.html': FILES['page.html'], 'style.css': FILES['style.css'] });
    const r = await jpii(['scan', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout) as JsonReport;
    const suppressed = report.files.flatMap((f) => f.findings.filter((x) => x.suppressed).map((x) => [f.path, x.type, x.suppressed?.reason]));
    expect(suppressed).toEqual(
      expect.arrayContaining([
        ['app.py', 'phone', 'synthetic test number'],
        ['app.py', 'my-number', undefined],
        ['page.html', 'postal-code', 'demo address'],
        ['style.css', 'phone', undefined],
      ]),
    );
    expect(report.files.flatMap((f) => f.findings.filter((x) => !x.suppressed))).toEqual([]);
    expect(report.summary).toMatchObject({ findings: 0, suppressed: suppressed.length });
    expect(r.code).toBe(0);
  });

  it('suppress only their own line (or the next one), so other findings still fail the scan', async () => {
    writeFiles(dir, { 'app.py': FILES['app.py'] });
    const r = await jpii(['scan', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout) as JsonReport;
    const open = report.files[0]?.findings.filter((x) => !x.suppressed && x.type === 'my-number').map((x) => x.location.line);
    expect(open).toEqual([4]);
    expect(r.code).toBe(1);
  });

  it('appear in SARIF as suppressions of kind inSource with the justification', async () => {
    writeFiles(dir, { 'app.py': FILES['app.py'] });
    const log = JSON.parse((await jpii(['scan', '--format', 'sarif'], dir)).stdout) as Log;
    const results = log.runs[0]?.results ?? [];
    const phone = results.find((x) => x.ruleId === 'phone');
    expect(phone?.suppressions).toEqual([{ kind: 'inSource', justification: 'synthetic test number' }]);
    expect(results.find((x) => x.ruleId === 'my-number' && x.locations?.[0]?.physicalLocation?.region?.startLine === 3)?.suppressions).toEqual([{ kind: 'inSource' }]);
    expect(results.find((x) => x.ruleId === 'my-number' && x.locations?.[0]?.physicalLocation?.region?.startLine === 4)?.suppressions).toBeUndefined();
  });

  it('with only suppressed findings the scan exits 0 and the text summary counts them', async () => {
    writeFiles(dir, { 'style.css': FILES['style.css'] });
    const r = await jpii(['scan'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('findings 0 · suppressed 1');
  });
});
