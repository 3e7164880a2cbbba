/**
 * The streamed reading of a JSON report (`jpii report`): the splitter gives the top-level members and each
 * item of `files` as JSON.parse would, however the bytes are cut into chunks (inside a UTF-8 character, an
 * escape, a number), hands out file entries before the document ends, and refuses what is not one JSON
 * object; StreamedReport checks the entries like jpii merge and adds up the summary. Synthetic values only.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonSplitError, ReportSplitter, type ReportItem } from '../../src/merge/json-split.js';
import { StreamedReport } from '../../src/merge/stream-report.js';
import { summarize } from '../../src/scan/scan.js';
import type { FileResult } from '../../src/model.js';
import { tempDir } from '../cli/run.js';

const DOC = {
  tool: { name: 'jpii', version: '9.9.9' },
  files: [
    { path: 'a/"quoted" ]}{[.txt', format: 'text', status: 'scanned', labels: ['社外秘'], labelled: true, risk: 0.5, sensitive: false,
      findings: [{ type: 'phone', confidence: 0.9, level: 'high', location: { line: 1, column: 2 }, masked: '090-****-5678 \\ \u2028 😀' }] },
    { path: '名簿/顧客.csv', format: 'csv', status: 'error', reason: 'broken {', labels: [], labelled: false, risk: 1e-3, sensitive: true, findings: [] },
  ],
  summary: { files: 2, nested: [1, [2, { x: null }]], ok: true, n: -12.5e2 },
  extra: 'x',
};

function split(bytes: Buffer, cut: number): ReportItem[] {
  const s = new ReportSplitter();
  const out = [...s.push(bytes.subarray(0, cut)), ...s.push(bytes.subarray(cut))];
  s.end();
  return out;
}

const expected: ReportItem[] = [
  { kind: 'member', key: 'tool', value: DOC.tool },
  { kind: 'files' },
  { kind: 'file', index: 0, value: DOC.files[0] },
  { kind: 'file', index: 1, value: DOC.files[1] },
  { kind: 'member', key: 'summary', value: DOC.summary },
  { kind: 'member', key: 'extra', value: 'x' },
];

describe('ReportSplitter', () => {
  it('gives the members and file entries JSON.parse gives, for every cut of the bytes (pretty, compact, BOM)', () => {
    for (const text of [JSON.stringify(DOC, null, 2), JSON.stringify(DOC), `\uFEFF${JSON.stringify(DOC)}\n`]) {
      const bytes = Buffer.from(text, 'utf8');
      for (let cut = 0; cut <= bytes.length; cut++) expect(split(bytes, cut)).toEqual(expected);
    }
  });

  it('hands out a file entry as soon as its bytes are in, before the document ends', () => {
    const text = JSON.stringify(DOC);
    const s = new ReportSplitter();
    const items = s.push(Buffer.from(text.slice(0, text.indexOf('"summary"'))));
    expect(items.filter((i) => i.kind === 'file').length).toBe(2);
  });

  it('reads scalars and an empty files array', () => {
    const items = split(Buffer.from('{"a":1,"b":true,"files":[],"c":null,"d":"s"}'), 9);
    expect(items).toEqual([
      { kind: 'member', key: 'a', value: 1 },
      { kind: 'member', key: 'b', value: true },
      { kind: 'files' },
      { kind: 'member', key: 'c', value: null },
      { kind: 'member', key: 'd', value: 's' },
    ]);
  });

  it.each([
    ['a top-level array', '[1,2]'],
    ['trailing data', '{"files":[]} {}'],
    ['a truncated file', '{"files":[{"path":"a"}'],
    ['a broken value', '{"files":[{"path":}]}'],
    ['a missing colon', '{"files" []}'],
  ])('refuses %s', (_name, text) => {
    expect(() => split(Buffer.from(text), 3)).toThrow(JsonSplitError);
  });
});

describe('StreamedReport', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tempDir('jpii-stream-')));
  afterAll(() => cleanup());

  async function read(text: string): Promise<{ files: FileResult[]; report: StreamedReport }> {
    const path = join(dir, `r${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, text);
    const report = new StreamedReport('r.json', path);
    const files: FileResult[] = [];
    for await (const f of report.files()) files.push(f);
    return { files, report };
  }

  it('reads the files in order, the tool wherever it is, and adds up the summary', async () => {
    const { tool, ...rest } = DOC;
    const { files, report } = await read(JSON.stringify({ ...rest, tool }));
    expect(files.map((f) => f.path)).toEqual(DOC.files.map((f) => f.path));
    expect(report.tool).toEqual({ name: 'jpii', version: '9.9.9' });
    expect(report.summary).toEqual(summarize(files));
    expect(report.summary).toMatchObject({ files: 2, scanned: 1, errors: 1, findings: 1 });
  });

  it.each([
    ['a SARIF log', JSON.stringify({ version: '2.1.0', runs: [] }), 'r.json: a SARIF log cannot be rendered again'],
    ['another tool’s report', JSON.stringify({ tool: { name: 'other' }, files: [] }), 'r.json: tool.name: not a jpii report'],
    ['JSON without files', '{"a":1}', 'r.json: neither a jpii JSON report nor a SARIF 2.1.0 log'],
    ['not JSON', 'hello', 'r.json: not JSON'],
    ['a bad entry', JSON.stringify({ tool: DOC.tool, files: [{ path: 'x' }] }), 'r.json: files[0]: not a file entry'],
  ])('refuses %s, naming the file and field', async (_name, text, message) => {
    await expect(read(text)).rejects.toThrow(message);
  });
});
