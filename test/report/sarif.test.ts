import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import type { FileResult, RuleInfo } from '../../src/model.js';
import { renderReport } from '../../src/report/index.js';
import { UNLABELLED_RULE } from '../../src/report/rules.js';
import { FINGERPRINT_KEY } from '../../src/report/sarif.js';
import { FILES, fingerprintOf, makeResult, RULES } from './fixture.js';

const schema = JSON.parse(readFileSync(new URL('./sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;
// Both packages are CommonJS with `exports.default`: under nodenext the default import is module.exports.
const ajv = new AjvDraft04.default({ strict: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

function sarif(files: readonly FileResult[] = FILES, rules: readonly RuleInfo[] = RULES, srcRoot?: string): Log {
  const options = { showValues: true, color: false, ...(srcRoot === undefined ? {} : { srcRoot }) };
  return JSON.parse(renderReport('sarif', makeResult(files), rules, options)) as Log;
}

function results(log: Log): Result[] {
  return log.runs[0]?.results ?? [];
}

/** The result of the fixture finding tagged `tag` (fixture.ts), found by its real keyed fingerprint. */
function resultFor(log: Log, tag: string): Result {
  const fingerprint = fingerprintOf(tag);
  const found = results(log).find((r) => r.partialFingerprints?.[FINGERPRINT_KEY] === fingerprint);
  if (found === undefined) throw new Error(`no result ${tag}`);
  return found;
}

describe('SARIF report', () => {
  it.each([
    ['the full fixture', () => sarif()],
    ['a known scan root', () => sarif(FILES, RULES, '/srv/共有/scan root')],
    ['an empty scan', () => sarif([])],
  ])('is valid against the OASIS 2.1.0 schema: %s', (_name, make) => {
    const valid = validate(make());
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('fails schema validation for a raw Japanese uri (the validator is not toothless)', () => {
    const log = sarif();
    const loc = results(log)[0]?.locations?.[0]?.physicalLocation?.artifactLocation;
    if (loc === undefined) throw new Error('no location');
    loc.uri = 'a.zip!/名簿/顧客 リスト.csv';
    expect(validate(log)).toBe(false);
  });

  it('lists every rule once, adding the file-level rule when it is missing', () => {
    const ids = (rules: readonly RuleInfo[]) => sarif(FILES, rules).runs[0]?.tool.driver.rules?.map((r) => r.id);
    expect(ids(RULES)).toEqual([...RULES.map((r) => r.id), 'unlabelled-sensitive-file']);
    expect(ids([...RULES, UNLABELLED_RULE])).toEqual([...RULES.map((r) => r.id), 'unlabelled-sensitive-file']);
  });

  it('adds a placeholder rule for a finding type no rule describes', () => {
    const rules = RULES.filter((r) => r.id !== 'phone');
    const log = sarif(FILES, rules);
    const phone = resultFor(log, 'fa11ce0000000031');
    expect(log.runs[0]?.tool.driver.rules?.[phone.ruleIndex ?? -1]?.id).toBe('phone');
  });

  it('gives each rule the fields GitHub code scanning reads', () => {
    const rule = sarif().runs[0]?.tool.driver.rules?.[0];
    expect(rule).toMatchObject({
      id: 'my-number',
      name: 'MyNumber',
      shortDescription: { text: '個人番号 / My Number' },
      defaultConfiguration: { level: 'error' },
      properties: { 'security-severity': '9.0', precision: 'high' },
    });
    expect(rule?.properties?.tags).toEqual(['security', 'privacy', 'pii', 'japan']);
    expect(rule?.help?.markdown).toContain('`my-number`');
  });

  it('points ruleIndex at the rule named by ruleId', () => {
    const log = sarif();
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    for (const r of results(log)) expect(rules[r.ruleIndex ?? -1]?.id).toBe(r.ruleId);
  });

  it.each([
    ['fa11ce0000000003', 'error'],
    ['fa11ce0000000031', 'warning'],
    ['fa11ce0000000001', 'note'],
  ])('maps the finding level to the SARIF level (%s → %s)', (fp, level) => {
    expect(resultFor(sarif(), fp).level).toBe(level);
  });

  it('names the type in both languages and shows only the masked value', () => {
    const r = resultFor(sarif(), 'fa11ce0000000012');
    expect(r.message.text).toBe('個人番号 / My Number: 2025 **** ****');
    expect(r.properties).toEqual({
      confidence: 0.97,
      level: 'high',
      appiCategories: ['personal-information', 'identifier-code', 'special-care', 'specific-personal-information'],
    });
  });

  it("carries the file's APPI verdict on its file-level result and the categories on its rules", () => {
    const log = sarif();
    const fileLevel = resultFor(log, 'fa11ce0000000013');
    expect(fileLevel.properties).toMatchObject({ specialCare: ['medical-history'], persons: 1200, roster: true, breachReportable: true });
    const rule = log.runs[0]?.tool.driver.rules?.find((x) => x.id === 'my-number');
    expect(rule?.properties?.appiCategories).toEqual(['personal-information', 'identifier-code', 'specific-personal-information']);
  });

  it('encodes each path segment and keeps the archive entry as a logical location', () => {
    const loc = resultFor(sarif(), 'fa11ce0000000012').locations?.[0];
    expect(loc?.physicalLocation?.artifactLocation).toEqual({
      uri: 'a.zip!/%E5%90%8D%E7%B0%BF/%E9%A1%A7%E5%AE%A2%20%E3%83%AA%E3%82%B9%E3%83%88.csv',
      uriBaseId: '%SRCROOT%',
    });
    expect(loc?.physicalLocation?.region).toEqual({ startLine: 2, startColumn: 12 });
    expect(loc?.logicalLocations).toEqual([
      { name: '名簿/顧客 リスト.csv', fullyQualifiedName: 'a.zip!/名簿/顧客 リスト.csv', kind: 'resource' },
    ]);
  });

  it.each([
    ['fa11ce0000000021', [{ name: '顧客!B3', kind: 'member' }]],
    ['fa11ce0000000031', [{ name: 'page 2', kind: 'member' }]],
    ['fa11ce0000000051', [{ name: 'slide 1', kind: 'member' }]],
    ['fa11ce0000000041', [{ name: 'header1', kind: 'member' }, { name: 'paragraph 2', kind: 'member' }]],
  ])('gives documents logical locations and line 1 of the file as region (%s)', (fp, logical) => {
    const loc = resultFor(sarif(), fp).locations?.[0];
    expect(loc?.logicalLocations).toEqual(logical);
    expect(loc?.physicalLocation?.region).toEqual({ startLine: 1 });
  });

  it('gives every result a region with a startLine (GitHub code scanning places alerts by it)', () => {
    const all = results(sarif());
    expect(all.length).toBe(FILES.flatMap((f) => f.findings).length);
    for (const r of all) expect(r.locations?.[0]?.physicalLocation?.region?.startLine).toBeGreaterThanOrEqual(1);
  });

  it('names every rule differently from its id, even ignoring case (SARIF1001)', () => {
    const rules = sarif(FILES, [...RULES, { ...RULES[0]!, id: 'address', nameEn: 'Address' }]).runs[0]?.tool.driver.rules ?? [];
    for (const r of rules) expect(r.name?.toLowerCase()).not.toBe(r.id.toLowerCase());
    expect(rules.find((r) => r.id === 'address')?.name).toBe('AddressPii');
  });

  it('writes a file outside the scan root as an absolute file: URI without uriBaseId', () => {
    const outside = FILES.filter((f) => f.findings.length > 0).map((f, i) => ({ ...f, path: i === 0 ? `/mnt/共有/${f.path}` : `../other/${f.path}` }));
    const log = sarif(outside, RULES, '/srv/scan');
    expect(validate(log)).toBe(true);
    const uris = results(log).map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation);
    expect(uris[0]).toEqual({ uri: 'file:///mnt/%E5%85%B1%E6%9C%89/a.zip!/%E5%90%8D%E7%B0%BF/%E9%A1%A7%E5%AE%A2%20%E3%83%AA%E3%82%B9%E3%83%88.csv' });
    expect(uris.at(-1)).toEqual({ uri: 'file:///srv/other/slides/deck.pptx' });
    for (const a of [...uris, ...(log.runs[0]?.artifacts ?? []).map((x) => x.location)]) {
      expect(a?.uriBaseId).toBeUndefined();
      expect(a?.uri).toMatch(/^file:\/\/\//);
    }
  });

  it('keeps paths inside the root relative to %SRCROOT%, also without a known root', () => {
    const inside = sarif(FILES, RULES).runs[0]?.results?.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uriBaseId);
    expect(new Set(inside)).toEqual(new Set(['%SRCROOT%']));
  });

  it('marks suppressed findings as in-source suppressions with the justification', () => {
    const log = sarif();
    expect(resultFor(log, 'fa11ce0000000004').suppressions).toEqual([
      { kind: 'inSource', justification: 'テスト用データ, "ok"' },
    ]);
    expect(resultFor(log, 'fa11ce0000000002').suppressions).toBeUndefined();
  });

  it('reports unscanned files as notifications and the run as successful', () => {
    const invocation = sarif().runs[0]?.invocations?.[0];
    expect(invocation?.executionSuccessful).toBe(true);
    const notes = invocation?.toolExecutionNotifications ?? [];
    expect(notes.map((n) => [n.level, n.message.text, n.locations?.[0]?.physicalLocation?.artifactLocation?.uri])).toEqual([
      ['warning', 'larger than --max-file-size (10 MB)', 'big.log'],
      ['error', 'corrupt zip: end of central directory not found', 'broken.xlsx'],
      ['warning', 'unsupported format', 'video.mp4'],
    ]);
  });

  it('declares %SRCROOT% only when the scan root is known', () => {
    expect(sarif().runs[0]?.originalUriBaseIds).toBeUndefined();
    expect(sarif(FILES, RULES, '/srv/共有/scan root').runs[0]?.originalUriBaseIds).toEqual({
      '%SRCROOT%': { uri: 'file:///srv/%E5%85%B1%E6%9C%89/scan%20root/' },
    });
  });

  it('replaces a masked form that still holds the value', () => {
    const leaky: FileResult = {
      ...FILES[6]!,
      findings: [{ ...FILES[6]!.findings[1]!, masked: 'taro.mihon@example.com' }],
    };
    const text = JSON.stringify(sarif([leaky]));
    expect(text).not.toContain('taro.mihon@example.com');
    expect(text).toContain('[masked]');
  });
});
