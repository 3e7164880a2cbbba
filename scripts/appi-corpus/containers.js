// Containers of the APPI corpus and fixtures: a zip with UTF-8 names and a multipart e-mail with a CSV attachment.
import { crc32, deflateRawSync } from 'node:zlib';

/** A stored-and-deflated zip with UTF-8 names (enough for jpii's reader). */
export function makeZip(entries) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const n = Buffer.from(name, 'utf8');
    const raw = deflateRawSync(data);
    const common = (b, at) => {
      b.writeUInt16LE(20, at); b.writeUInt16LE(0x800, at + 2); b.writeUInt16LE(8, at + 4); b.writeUInt16LE(0, at + 6); b.writeUInt16LE(0x5b21, at + 8);
      b.writeUInt32LE(crc32(data), at + 10); b.writeUInt32LE(raw.length, at + 14); b.writeUInt32LE(data.length, at + 18); b.writeUInt16LE(n.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4);
    common(c, 6);
    c.writeUInt32LE(offset, 42);
    parts.push(local, n, raw);
    central.push(c, n);
    offset += 30 + n.length + raw.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

export function eml(r, body, attachment, label) {
  const from = r.person();
  const b64 = (s) => Buffer.from(s, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  const lines = [
    `From: ${from.email}`, 'To: team@corp-sample.co.jp', `Subject: =?UTF-8?B?${Buffer.from(`${label ? '【社外秘】' : ''}資料送付の件`).toString('base64')}?=`,
    'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b1"', '', '--b1', 'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64', '', b64(body), '--b1', `Content-Type: text/csv; name="list.csv"`,
    'Content-Disposition: attachment; filename="list.csv"', 'Content-Transfer-Encoding: base64', '', b64(attachment.text), '--b1--', '',
  ];
  return { text: lines.join('\r\n'), sender: from };
}

