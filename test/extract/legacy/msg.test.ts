import { describe, expect, it } from 'vitest';
import { cp932 } from '../../../scripts/lib/legacy-writers.js';
import { extractAs, lines, load } from './helpers.js';

const HEADERS = 'Subject: 【社外秘】顧客リストの件\nFrom: 試験 花子 <hanako@example.com>\nTo: 試験 太郎 <taro@example.com>\nCc: 試験 次郎 <jiro@example.com>';
const BODY = 'お世話になっております。\n氏名：試験 太郎\n電話：090-1234-5678\nマイナンバー：123456789018\n';

describe('.msg through msgreader', () => {
  it.each(['mail.msg', 'mail-cp932.msg'])('%s: headers, body, attachments and the embedded message as children', async (name) => {
    const r = await extractAs(name, load(`legacy/${name}`));
    expect(r.ok && r.format).toBe('msg');
    expect(lines(r)).toEqual([`${HEADERS} @ {"part":"headers"}`, `${BODY} @ {"part":"body"}`]);
    expect(r.ok && r.segments[0]?.labelZone).toBe(true);
    const children = r.ok ? r.children ?? [] : [];
    expect(children.map((c) => [c.name, c.notes])).toEqual([
      ['顧客リスト.csv', undefined],
      ['pwned.txt', ['attachment name "..\\\\..\\\\..\\\\tmp\\\\x\\\\pwned.txt" shown as "pwned.txt" (one level, inside the message)']],
      ['転送: 住所.msg', undefined],
    ]);
    expect(Buffer.from(children[0]?.bytes ?? []).equals(cp932('氏名,電話番号\n試験 太郎,03-5555-0123\n'))).toBe(true);
    const embedded = await extractAs('転送: 住所.msg', children[2]?.bytes ?? new Uint8Array());
    expect(lines(embedded)).toContain('住所：東京都千代田区千代田1-1\n電話：03-5555-0123 @ {"part":"body"}');
  });

  it('a message whose only body is compressed RTF (cp932 escapes) is read through the RTF decoder', async () => {
    const r = await extractAs('mail-rtf-only.msg', load('legacy/mail-rtf-only.msg'));
    expect(lines(r)).toContain('電話：090-1234-5678\nマイナンバー：123456789018\n @ {"part":"body"}');
  });

  it('a .doc named .msg is read as the Word file it is, never as an empty clean message', async () => {
    const r = await extractAs('mail.msg', load('office/legacy.doc'));
    expect(r.ok && r.format).toBe('doc');
  });

  it('an OLE file that is no Outlook item is an error', async () => {
    expect(await extractAs('x.msg', load('hostile/truncated.msg'))).toMatchObject({ ok: false, format: 'msg', status: 'error' });
  });
});
