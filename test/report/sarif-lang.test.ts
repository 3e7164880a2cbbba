/** SARIF rule texts follow --lang: Japanese descriptions from the pattern files with `ja`, English otherwise. */
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/patterns/load.js';
import { sarifRule } from '../../src/report/sarif-rules.js';

const myNumber = loadBuiltinRules().find((r) => r.id === 'my-number')?.info;

describe('sarifRule and --lang', () => {
  it('every built-in pattern carries Japanese texts', () => {
    for (const r of loadBuiltinRules()) {
      expect(r.info.descriptionJa, r.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(r.info.validatesJa, r.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('ja: Japanese description and help; en: English', () => {
    if (!myNumber) throw new Error('my-number rule missing');
    const ja = sarifRule(myNumber, 'ja');
    expect(ja.fullDescription?.text).toBe(myNumber.descriptionJa);
    expect(ja.help?.text).toContain(myNumber.validatesJa);
    const en = sarifRule(myNumber, 'en');
    expect(en.fullDescription?.text).toBe(myNumber.description);
    expect(en.help?.text).toContain(myNumber.validates);
    expect(en.help?.text).not.toContain(myNumber.validatesJa);
  });
});

describe('SARIF artifacts', () => {
  it('list the files with results or not fully read, with status and reason; totals in the run properties', async () => {
    const { renderReport } = await import('../../src/report/index.js');
    const { makeResult } = await import('./fixture.js');
    const result = makeResult();
    type Run = { artifacts: { properties: { status: string; reason?: string } }[]; properties: { summary: Record<string, unknown> } };
    const log = JSON.parse(renderReport('sarif', result, [], { showValues: false, color: false })) as { runs: Run[] };
    const artifacts = log.runs[0]?.artifacts ?? [];
    const listed = result.files.filter((f) => f.status !== 'scanned' || f.findings.length > 0);
    expect(listed.length).toBeLessThan(result.files.length); // the fixture has clean files to leave out
    expect(artifacts.length).toBe(listed.length);
    expect(artifacts.map((a) => a.properties.status)).toEqual(listed.map((f) => f.status));
    expect(artifacts.filter((a) => a.properties.status !== 'scanned').every((a) => a.properties.reason)).toBe(true);
    expect(log.runs[0]?.properties.summary).toMatchObject({ files: result.summary.files, scanned: result.summary.scanned, findings: result.summary.findings });
  });
});
