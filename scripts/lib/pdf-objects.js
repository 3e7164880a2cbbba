/**
 * A minimal PDF 1.4 writer for fixture scripts: numbered objects, a cross-reference table and a trailer.
 * Byte-exact and dependency-free, so generated fixtures are the same on every machine.
 */
export const latin1 = (s) => Buffer.from(s, 'latin1');

/** Hex string of UCS-2 big-endian code units: the byte encoding UniJIS-UCS2-H expects. */
export const ucs2Hex = (s) => `<${Buffer.from(s, 'utf16le').swap16().toString('hex').toUpperCase()}>`;

/** objects[i] is object number i + 1 (string or Buffer); object 1 is the catalog. */
export function makePdf(objects, trailerExtra = '') {
  const parts = [latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
  const offsets = [];
  let length = parts[0].length;
  objects.forEach((body, i) => {
    const obj = Buffer.concat([latin1(`${i + 1} 0 obj\n`), typeof body === 'string' ? latin1(body) : body, latin1('\nendobj\n')]);
    offsets.push(length);
    parts.push(obj);
    length += obj.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)];
  parts.push(latin1(`${xref.join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}
