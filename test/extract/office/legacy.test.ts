import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { officeExtractors } from '../../../src/extract/office/index.js';
import { extractDoc, extractViaLibreOffice, findOnPath } from '../../../src/extract/office/legacy.js';
import { ctx, load } from './helpers.js';

describe('.doc via word-extractor', () => {
  it('gives body paragraphs, header and footer with origins and label zones', async () => {
    expect(await extractDoc(load('legacy.doc'))).toEqual({
      ok: true,
      format: 'doc',
      segments: [
        { text: '顧客対応記録', origin: { part: 'document', paragraph: 1 }, labelZone: true },
        { text: '電話番号 090-1234-5678', origin: { part: 'document', paragraph: 2 }, labelZone: true },
        { text: 'マイナンバー 123456789018', origin: { part: 'document', paragraph: 3 }, labelZone: true },
        { text: '【社外秘】', origin: { part: 'header', paragraph: 1 }, labelZone: true },
        { text: '試験用', origin: { part: 'footer', paragraph: 1 }, labelZone: true },
      ],
    });
  });

  it.each([
    ['encrypted.doc', { ok: false, format: 'doc', status: 'skipped', reason: 'encrypted (password-protected) Office file' }],
    ['legacy.xls', { ok: false, format: 'doc', status: 'error', reason: expect.stringMatching(/^cannot read \.doc: /) }],
    ['customers.xlsx', { ok: false, format: 'doc', status: 'error', reason: 'not a Word 97-2003 file (no OLE header)' }],
  ])('%s', async (name, expected) => {
    expect(await extractDoc(load(name))).toEqual(expected);
  });

  it('reads a .doc saved under a .docx name as the .doc it is', async () => {
    const docx = officeExtractors.find((e) => e.format === 'docx')!;
    const result = await docx.extract(load('legacy.doc'), ctx('renamed.docx'));
    expect(result.ok && result.format).toBe('doc');
  });
});

describe('.xls / .ppt via LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jpii-fake-soffice-'));
  const xlsx = fileURLToPath(new URL('../../../fixtures/documents/office/customers.xlsx', import.meta.url));
  /** A stand-in for soffice: records its arguments, then writes the converted file (or fails). */
  const fake = (name: string, body: string): string => {
    mkdirSync(join(dir, name), { recursive: true });
    const path = join(dir, name, 'soffice');
    const record = `echo "$@" > "${dir}/args"; echo "$out" > "${dir}/outdir"`;
    writeFileSync(path, `#!/bin/sh\nfor a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; last="$a"; done\n${record}\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is skipped with a reason when soffice is not installed', async () => {
    expect(await extractViaLibreOffice(load('legacy.xls'), ctx('old.xls'), 'xls', { soffice: null })).toEqual({
      ok: false,
      format: 'xls',
      status: 'skipped',
      reason: 'legacy .xls needs LibreOffice (soffice not found)',
    });
    const ppt = await extractViaLibreOffice(load('legacy.xls'), ctx('old.ppt'), 'ppt', { soffice: null });
    expect(!ppt.ok && ppt.reason).toBe('legacy .ppt needs LibreOffice (soffice not found)');
  });

  it('converts to xlsx in a private folder, reads it with the xlsx extractor and removes the folder', async () => {
    const soffice = fake('ok', `base=$(basename "$last"); cp "${xlsx}" "$out/\${base%.*}.xlsx"`);
    const result = await extractViaLibreOffice(load('legacy.xls'), ctx('old.xls'), 'xls', { soffice });
    expect(result.ok && result.format).toBe('xls');
    expect(result.ok && result.segments.find((s) => s.origin.cell === 'B2')).toEqual({
      text: '9012345678',
      origin: { sheet: '顧客', cell: 'B2' },
      header: '電話番号',
      labelZone: true,
    });
    const args = readFileSync(join(dir, 'args'), 'utf8');
    expect(args).toMatch(/--headless .*-env:UserInstallation=file:\/\/\S+ --convert-to xlsx --outdir \S+ \S+input\.xls/);
    expect(existsSync(readFileSync(join(dir, 'outdir'), 'utf8').trim())).toBe(false);
  });

  it('reports an error when LibreOffice writes nothing', async () => {
    const soffice = fake('fail', 'echo "Error: source file could not be loaded" >&2; exit 1');
    const result = await extractViaLibreOffice(load('legacy.xls'), ctx('old.xls'), 'xls', { soffice });
    expect(result).toMatchObject({ ok: false, format: 'xls', status: 'error' });
    expect(!result.ok && result.reason).toMatch(/^LibreOffice could not convert the file: Command failed/);
  });

  it('finds soffice on PATH', async () => {
    const soffice = fake('onpath', 'exit 0');
    const saved = process.env['PATH'];
    process.env['PATH'] = `${join(dir, 'onpath')}:${saved ?? ''}`;
    try {
      expect(await findOnPath('soffice')).toBe(soffice);
    } finally {
      process.env['PATH'] = saved;
    }
  });
});
