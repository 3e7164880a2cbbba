import { describe, it, expect } from 'vitest';
import { validateEmail, isReservedDomain } from '../../src/validators/email.js';

// Synthetic addresses: jpii-sample.* is a made-up domain, the local parts are generic.
describe('validateEmail accepts addresses and lower-cases them', () => {
  const cases: [string, string, number][] = [
    ['taro.yamada@mail.jpii-sample.co.jp', 'taro.yamada@mail.jpii-sample.co.jp', 0],
    ['Taro.Yamada@JPII-Sample.CO.JP', 'taro.yamada@jpii-sample.co.jp', 0],
    ['hanako+news@jpii-sample.jp', 'hanako+news@jpii-sample.jp', 0],
    ['h_suzuki-01@a.jpii-sample.ne.jp', 'h_suzuki-01@a.jpii-sample.ne.jp', 0],
    ['user@xn--eckwd4c7c.xn--tckwe', 'user@xn--eckwd4c7c.xn--tckwe', 0],
    ['taro@jpii-sample.tokyo', 'taro@jpii-sample.tokyo', 0],
    [' taro@jpii-sample.com ', 'taro@jpii-sample.com', 0],
  ];
  it.each(cases)('%s → %s', (text, value, bonus) => {
    expect(validateEmail(text)).toEqual({ ok: true, value, bonus });
  });
});

describe('validateEmail lowers confidence for documentation domains and role mailboxes', () => {
  const cases: [string, number][] = [
    ['taro@example.com', -0.4],
    ['taro@example.org', -0.4],
    ['taro@example.net', -0.4],
    ['taro@mail.example.com', -0.4],
    ['taro@foo.example', -0.4],
    ['taro@foo.test', -0.4],
    ['taro@foo.invalid', -0.4],
    ['taro@foo.localhost', -0.4],
    ['info@jpii-sample.co.jp', -0.1],
    ['Support@jpii-sample.co.jp', -0.1],
    ['noreply@jpii-sample.co.jp', -0.1],
    ['no-reply@jpii-sample.co.jp', -0.1],
    ['admin@jpii-sample.co.jp', -0.1],
    ['webmaster@jpii-sample.co.jp', -0.1],
    ['sales@jpii-sample.co.jp', -0.1],
    ['info@example.com', -0.4], // both, clamped
    ['information@jpii-sample.co.jp', 0],
    ['taro@myexample.com', 0],
  ];
  it.each(cases)('%s → bonus %d', (text, bonus) => {
    const r = validateEmail(text);
    expect(r.ok && r.bonus).toBe(bonus);
  });
});

describe('validateEmail rejects look-alikes', () => {
  const cases: [string, string][] = [
    ['icon@2x.png', 'retina image name'],
    ['logo@3x.jpg', 'image'],
    ['photo@small.jpeg', 'image'],
    ['anim@2x.gif', 'image'],
    ['sprite@hover.svg', 'image'],
    ['banner@2x.webp', 'image'],
    ['style@media.css', 'stylesheet'],
    ['bundle@1.2.js', 'script'],
    ['types@next.ts', 'typescript'],
    ['applecoloremoji@2x.ttf', 'font file name: ttf is no TLD'],
    ['builder@ci-runner.lcl', 'made-up TLD'],
    ['taro@jpii-sample.corp', 'private TLD, not in the root zone'],
    ['user@xn--eckwd4c7c.xn--zckzah', 'IANA test IDN, removed from the root zone'],
    ['archive@v2.zip', 'file name (zip is also a TLD)'],
    ['user@localhost', 'no dot in the domain'],
    ['user@jpii-sample', 'no dot in the domain'],
    ['user@jpii-sample.c', 'one-letter TLD'],
    ['user@jpii-sample.123', 'numeric TLD'],
    ['user@192.168.0.1', 'IP address'],
    ['user@@jpii-sample.jp', 'two @'],
    ['@jpii-sample.jp', 'empty local part'],
    ['taro.@jpii-sample.jp', 'trailing dot in local part'],
    ['ta..ro@jpii-sample.jp', 'double dot in local part'],
    ['taro@-jpii.jp', 'label starts with hyphen'],
    ['taro@jpii..jp', 'empty label'],
    ['ta ro@jpii-sample.jp', 'space'],
    [`${'a'.repeat(65)}@jpii-sample.jp`, 'local part over 64'],
    ['山田@jpii-sample.jp', 'non-ASCII local part'],
    ['', 'empty'],
  ];
  it.each(cases)('%s (%s)', (text) => {
    expect(validateEmail(text).ok).toBe(false);
  });
});

describe('isReservedDomain', () => {
  const cases: [string, boolean][] = [
    ['example.com', true],
    ['EXAMPLE.COM', true],
    ['sub.example.net', true],
    ['anything.example', true],
    ['example.co.jp', false],
    ['examples.com', false],
    ['test.jpii-sample.jp', false],
  ];
  it.each(cases)('%s → %s', (domain, reserved) => {
    expect(isReservedDomain(domain)).toBe(reserved);
  });
});
