/**
 * libphonenumber's `getType()` for Japanese numbers, with the plan's patterns compiled once. The library builds
 * a Metadata object and a new RegExp from each multi-kilobyte pattern string on every call (matchesEntirely):
 * for a roster that was most of validating a phone and a third of the garbage. The patterns, lengths and the
 * order of the types are the library's own (its getNumberType: the whole-plan pattern, then FIXED_LINE with
 * FIXED_LINE_OR_MOBILE, then the other types in its NON_FIXED_LINE_PHONE_TYPES order); only the dispatch is
 * written here, and test/validators/phone-type.test.ts checks it against getType() on generated numbers.
 */
import type { MetadataJson } from 'libphonenumber-js/core';

/** libphonenumber/build/helpers/getNumberType.js NON_FIXED_LINE_PHONE_TYPES, in its order. */
const OTHER_TYPES = ['MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'] as const;

export type PhoneType = 'FIXED_LINE' | 'FIXED_LINE_OR_MOBILE' | (typeof OTHER_TYPES)[number];

interface TypeTest {
  re: RegExp;
  lengths: readonly number[] | undefined;
}

interface PlanType {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}

interface Plan {
  selectNumberingPlan(country: string): void;
  numberingPlan?: { nationalNumberPattern(): string; type(name: string): PlanType | undefined };
}

export interface TypeSource {
  metadata: MetadataJson;
  Metadata: new (m: MetadataJson) => Plan;
}

interface Compiled {
  all: RegExp;
  fixed: TypeTest | undefined;
  /** MOBILE is missing or has an empty pattern: a fixed line may be either. */
  fixedMeansEither: boolean;
  mobile: TypeTest | undefined;
  others: { name: PhoneType; test: TypeTest }[];
}

let compiled: Compiled | undefined;

function whole(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

function compile({ metadata, Metadata }: TypeSource): Compiled {
  const plan = new Metadata(metadata);
  plan.selectNumberingPlan('JP');
  const p = plan.numberingPlan;
  if (!p) throw new Error('libphonenumber metadata has no JP plan');
  const testOf = (name: string): TypeTest | undefined => {
    const t = p.type(name);
    return t && t.pattern() ? { re: whole(t.pattern()), lengths: t.possibleLengths() } : undefined;
  };
  const mobileType = p.type('MOBILE');
  const others: Compiled['others'] = [];
  for (const name of OTHER_TYPES) {
    const test = testOf(name);
    if (test) others.push({ name, test });
  }
  return { all: whole(p.nationalNumberPattern()), fixed: testOf('FIXED_LINE'), fixedMeansEither: !mobileType || mobileType.pattern() === '', mobile: testOf('MOBILE'), others };
}

function isType(national: string, t: TypeTest | undefined): boolean {
  if (!t) return false;
  if (t.lengths && !t.lengths.includes(national.length)) return false;
  return t.re.test(national);
}

/** The type of a Japanese national number (without its trunk 0), or undefined when it is no allocated number. */
export function japaneseType(national: string, source: () => TypeSource): PhoneType | undefined {
  const c = (compiled ??= compile(source()));
  if (!c.all.test(national)) return undefined;
  if (isType(national, c.fixed)) return c.fixedMeansEither || isType(national, c.mobile) ? 'FIXED_LINE_OR_MOBILE' : 'FIXED_LINE';
  for (const { name, test } of c.others) if (isType(national, test)) return name;
  return undefined;
}
