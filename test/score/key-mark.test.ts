import { describe, expect, it } from 'vitest';
import { findIn } from '../helpers.js';

/**
 * Key context is looked up only where a key form can end (confidence.ts keyMarkBefore): every form the key
 * reader knows must still name the value, and a bare value must not gain a key. A 7-digit account number and
 * a 12-digit My Number are not reported without context, so the key is what decides.
 */
const KEYED = [
  'account_no=1234567',
  'account_no: 1234567',
  'account_no :  "1234567"',
  '"account_no": "1234567"',
  "account_no => '1234567'",
  '<account_no>1234567</account_no>',
  '<account_no type="x">  1234567</account_no>',
  "INSERT INTO t (name, account_no) VALUES ('a', '1234567');",
  "insert into t (name, account_no) values ('a',1234567);",
  "INSERT INTO t (account_no) VALUES (1234567);",
  '?id=9&account_no=1234567&x=1',
];
const BARE = ['x 1234567', "VALUES ('a', '1234567');", 'a,1234567', '(1234567)'];

describe('key context at key marks', () => {
  it.each(KEYED)('%s: the key names the account number', (text) => {
    expect(findIn(text).map((h) => h.type)).toContain('bank-account');
  });
  it.each(BARE)('%s: no key, no finding', (text) => {
    expect(findIn(text).map((h) => h.type)).not.toContain('bank-account');
  });
  it('a My Number in a SQL VALUES list is named by its column, not without one', () => {
    expect(findIn("INSERT INTO t (name, kojin_bango) VALUES ('a', '123456789018');").map((h) => h.type)).toEqual(['my-number']);
    expect(findIn("VALUES ('a', '123456789018');")).toEqual([]);
  });
});
