import { describe, expect, it } from 'vitest';
import { extractAs, lines, load } from './helpers.js';

describe('.ppt: PowerPoint text records, no LibreOffice', () => {
  it('placeholder text and text boxes by slide in show order, notes, footer and properties (cp932)', async () => {
    const r = await extractAs('slides.ppt', load('legacy/slides.ppt'));
    expect(r.ok && r.format).toBe('ppt');
    expect(lines(r)).toEqual([
      '社外秘 顧客説明会 @ {"slide":1}',
      '2024年度 第1回 @ {"slide":1}',
      '名簿 @ {"slide":2}',
      '氏名 試験 太郎 @ {"slide":2}',
      '電話 090-1234-5678 @ {"slide":2}',
      '〒100-0001 東京都千代田区千代田1-1 @ {"slide":2}',
      '連絡先 @ {"slide":3}',
      '連絡先: taro@example.com @ {"slide":3}',
      'マイナンバー 123456789018 は読み上げない @ {"slide":1,"part":"notes"}',
      '社外秘 @ {"part":"footer"}',
      'Title: 顧客説明会 @ {"part":"properties"}',
      'Author: 試験 次郎 @ {"part":"properties"}',
      'Company: 株式会社サンプル @ {"part":"properties"}',
      '部署: 営業部 @ {"part":"properties"}',
    ]);
    expect(r.ok && r.segments.filter((s) => s.labelZone).map((s) => s.text)).toContain('社外秘');
  });

  it.each([
    ['truncated.ppt', { ok: false, format: 'ppt', status: 'error' }],
  ])('%s is an error with a reason', async (name, expected) => {
    const r = await extractAs(name, load(`hostile/${name}`));
    expect(r).toMatchObject(expected);
    expect(!r.ok && r.reason).toMatch(/^corrupt OLE compound file/);
  });

  it('a record whose length runs past the stream is read as far as it goes, with a note', async () => {
    const r = await extractAs('garbage.ppt', load('hostile/garbage.ppt'));
    expect(r).toMatchObject({ ok: true, format: 'ppt', notes: ['partly read: a PowerPoint record runs past the end of its stream (damaged file)'] });
  });
});
