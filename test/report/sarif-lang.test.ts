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
  it('list every file considered, with its status and reason', async () => {
    const { renderReport } = await import('../../src/report/index.js');
    const { makeResult } = await import('./fixture.js');
    const result = makeResult();
    const log = JSON.parse(renderReport('sarif', result, [], { showValues: false, color: false })) as { runs: { artifacts: { properties: { status: string; reason?: string } }[] }[] };
    const artifacts = log.runs[0]?.artifacts ?? [];
    expect(artifacts.length).toBe(result.files.length);
    expect(artifacts.map((a) => a.properties.status)).toEqual(result.files.map((f) => f.status));
    expect(artifacts.filter((a) => a.properties.status !== 'scanned').every((a) => a.properties.reason)).toBe(true);
  });
});
