/**
 * Check digits for the fixture and corpus generators, in one place (sources: ../shared/CHECKSUMS.md).
 * Deliberately not the validators under src/: a generator that used them would plant whatever a broken
 * validator accepts, and the accuracy figures could not catch it.
 */

/** 個人番号: 平成26年総務省令第85号 第5条 (CHECKSUMS.md §1). */
export function myNumberCheck(d11) {
  let s = 0;
  for (let n = 1; n <= 11; n++) s += Number(d11[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const r = s % 11;
  return r <= 1 ? 0 : 11 - r;
}
export const isMyNumber = (d) => /^\d{12}$/.test(d) && myNumberCheck(d.slice(0, 11)) === Number(d[11]);

/** 法人番号: 平成26年財務省令第70号 第2条, first digit is the check digit (CHECKSUMS.md §2). */
export function corporateCheck(base12) {
  let s = 0;
  for (let n = 1; n <= 12; n++) s += Number(base12[12 - n]) * (n % 2 ? 1 : 2);
  return 9 - (s % 9);
}
export const isCorporate = (d) => /^\d{13}$/.test(d) && corporateCheck(d.slice(1)) === Number(d[0]);

/** Luhn, ISO/IEC 7812-1 (CHECKSUMS.md §11). */
export function luhnOk(d) {
  let s = 0;
  for (let i = 0; i < d.length; i++) {
    let x = Number(d[d.length - 1 - i]);
    if (i % 2) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
    s += x;
  }
  return s % 10 === 0;
}
/** The partial number with the digit that makes it Luhn-valid appended. */
export const luhnComplete = (partial) => partial + [...'0123456789'].find((c) => luhnOk(partial + c));

/** 保険者番号 M10W21: 昭和49年 保険発第104号 (CHECKSUMS.md §4). */
export function insurerCheck(body) {
  let s = 0;
  let w = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    const p = Number(body[i]) * w;
    s += Math.floor(p / 10) + (p % 10);
    w = 3 - w;
  }
  return (10 - (s % 10)) % 10;
}

/** 運転免許証番号: community check digit, jiko0.com (CHECKSUMS.md §3, low–medium certainty). */
export function licenseCheck(d10) {
  const w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const s = w.reduce((acc, wi, i) => acc + wi * Number(d10[i]), 0);
  return (11 - (s % 11)) % 10;
}

/** EAN-13 / JAN / ISBN-13 check digit (GS1 General Specifications, weights 1,3): a look-alike number. */
export function eanCheck(d12) {
  const s = [...d12].reduce((acc, c, i) => acc + Number(c) * (i % 2 ? 3 : 1), 0);
  return (10 - (s % 10)) % 10;
}
