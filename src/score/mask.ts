/**
 * The one place where PII values are masked. Reports print `masked`; the raw value only with --show-values.
 * Enough stays visible to tell findings apart in triage, never enough to use the value.
 */
const STAR = '*';

function keep(value: string, head: number, tail = 0): string {
  if (value.length <= head + tail) return STAR.repeat(value.length);
  return value.slice(0, head) + STAR.repeat(value.length - head - tail) + (tail ? value.slice(-tail) : '');
}

function groups(value: string, sizes: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  for (const n of sizes) {
    if (i >= value.length) break;
    parts.push(value.slice(i, i + n));
    i += n;
  }
  if (i < value.length) parts.push(value.slice(i));
  return parts.join(' ');
}

const MASKERS: Record<string, (v: string) => string> = {
  'my-number': (v) => groups(keep(v, 4), [4, 4, 4]),
  'credit-card': (v) => groups(keep(v, 4, 4), [4, 4, 4, 4]),
  'corporate-number': (v) => keep(v, 4),
  phone: (v) => keep(v, 3),
  'postal-code': (v) => `${v.slice(0, 3)}-${STAR.repeat(4)}`,
  email: (v) => {
    const at = v.lastIndexOf('@');
    return at < 0 ? keep(v, 1) : `${v.slice(0, 1)}${STAR.repeat(3)}@${v.slice(at + 1)}`;
  },
  'birth-date': (v) => `${v.slice(0, 4)}-**-**`,
  address: (v) => {
    const m = /^.*?[都道府県].*?[市区町村郡]/u.exec(v);
    return m ? m[0] + '＊'.repeat(3) : keep(v, 3);
  },
  'person-name': (v) => [...v][0] + '＊'.repeat(Math.max(1, [...v].length - 1)),
};

export function maskValue(type: string, value: string): string {
  const masker = MASKERS[type];
  if (masker) return masker(value);
  return keep(value, Math.min(2, Math.floor(value.length / 4)));
}
