// Minimal writers for the OCR fixtures: a PDF whose pages are one image each (DCTDecode JPEG or
// CCITTFaxDecode G4, the encodings scanners and fax servers write), and the reader that takes the G4 strip
// out of a single-strip TIFF written by ImageMagick. Byte-exact and deterministic (no dates, no IDs).

/** Tags of the first IFD of a TIFF: {tag: [values]} for SHORT and LONG values (enough for a strip). */
export function tiffTags(buf) {
  const le = buf[0] === 0x49;
  const u16 = (o) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const ifd = u32(4);
  const tags = {};
  for (let i = 0, n = u16(ifd); i < n; i++) {
    const e = ifd + 2 + i * 12;
    const [tag, type, count] = [u16(e), u16(e + 2), u32(e + 4)];
    const size = type === 3 ? 2 : 4;
    const at = count * size <= 4 ? e + 8 : u32(e + 8);
    tags[tag] = Array.from({ length: count }, (_, k) => (type === 3 ? u16(at + k * 2) : u32(at + k * size)));
  }
  return tags;
}

/** The G4 data of a single-strip Group 4 TIFF, with its size. */
export function g4Strip(tiff) {
  const t = tiffTags(tiff);
  if (t[259]?.[0] !== 4 || t[273]?.length !== 1) throw new Error('expected a single-strip Group 4 TIFF');
  return { width: t[256][0], height: t[257][0], data: tiff.subarray(t[273][0], t[273][0] + t[279][0]) };
}

/** A page with one line of Latin text in Helvetica (a PDF's text layer, for mixed documents). */
function textPage(p, tree, add) {
  const font = add(['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']);
  const draw = `BT /F1 14 Tf 72 ${(p.heightPt - 100).toFixed(0)} Td (${p.text}) Tj ET`;
  const content = add([`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`]);
  return add([`<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 ${p.widthPt.toFixed(2)} ${p.heightPt.toFixed(2)}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`]);
}

/**
 * pages: [{ text } | { image: {filter: 'DCTDecode' | 'CCITTFaxDecode', data, width, height}, widthPt, heightPt,
 * rotate? }]. The image fills the page.
 */
export function imagePdf(pages) {
  const objects = [];
  const add = (body) => objects.push(body) && objects.length;
  const catalog = add(null);
  const tree = add(null);
  const kids = pages.map((p) => {
    if (p.text !== undefined) return textPage(p, tree, add);
    const im = p.image;
    const parms = im.filter === 'CCITTFaxDecode' ? `/DecodeParms << /K -1 /Columns ${im.width} /Rows ${im.height} >> /ColorSpace /DeviceGray /BitsPerComponent 1` : '/ColorSpace /DeviceGray /BitsPerComponent 8';
    const img = add([`<< /Type /XObject /Subtype /Image /Width ${im.width} /Height ${im.height} /Filter /${im.filter} ${parms} /Length ${im.data.length} >>\nstream\n`, im.data, '\nendstream']);
    const draw = `q ${p.widthPt.toFixed(2)} 0 0 ${p.heightPt.toFixed(2)} 0 0 cm /Im0 Do Q`;
    const content = add([`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`]);
    const rotate = p.rotate ? ` /Rotate ${p.rotate}` : '';
    return add([`<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 ${p.widthPt.toFixed(2)} ${p.heightPt.toFixed(2)}]${rotate} /Resources << /XObject << /Im0 ${img} 0 R >> >> /Contents ${content} 0 R >>`]);
  });
  objects[catalog - 1] = [`<< /Type /Catalog /Pages ${tree} 0 R >>`];
  objects[tree - 1] = [`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`];
  const parts = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    for (const piece of [`${i + 1} 0 obj\n`, ...body, '\nendobj\n']) {
      const b = typeof piece === 'string' ? Buffer.from(piece, 'latin1') : Buffer.from(piece);
      parts.push(b);
      length += b.length;
    }
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
