/**
 * A postal code alone identifies an area, not a person (APPI: not personal information by itself; docs/appi.md).
 * In a file that holds no other personal value, its postal codes are capped below medium: a postal library's
 * tests (`jpos.postcode = "1000001"`), a store locator, a list of branch offices are not reported at the
 * default threshold. Next to a name, a phone number, an address or an id they stay as scored.
 * E-mail does not lift them: in code trees e-mail addresses are authors' and maintainers' (package.json,
 * LICENSE, READMEs), and a README example 〒 beside an author's address is still only an area; a record that
 * really holds an e-mail and a postal code keeps its e-mail finding, which flags the file anyway.
 * Input: a file's hits in file order, in batches. Output: the same hits in the same order, postal codes capped
 * when the file ended without another personal value. Hits are held from the first postal code at medium or
 * above until another personal value arrives or the file ends (order kept, so occurrence numbers and listing do
 * not change); a file without such a postal code is never held.
 */
import { LEVEL_FLOOR } from '../model.js';
import type { SegmentHit } from '../scan/analyze-segment.js';

export const POSTAL_TYPE = 'postal-code';

/** A capped postal code's confidence: low, below the default threshold (`--min-confidence low` lists it). */
export const POSTAL_ALONE_CAP = 0.45;

/** Types that do not make a postal code personal: itself and e-mail (see above). */
const NOT_VOUCHING: ReadonlySet<string> = new Set([POSTAL_TYPE, 'email']);

/** A postal code the rule lowers: a suppressed one is a waiver an auditor reviews, listed as scored. */
function capped(h: SegmentHit): boolean {
  return h.type === POSTAL_TYPE && !h.suppressed;
}

export class PostalAlone {
  private held: SegmentHit[] = [];
  private vouched = false;

  /**
   * @param counts whether a hit counts as a value of the file at all (not allowlisted); a suppressed or
   * allowlisted value does not make a postal code personal.
   */
  constructor(private readonly counts: (hit: SegmentHit) => boolean) {}

  /** True once another personal value has come: take() then passes every hit on as it is. */
  get passing(): boolean {
    return this.vouched;
  }

  /** The hits to pass on now, in order; the others are held until `finish`. */
  take(hits: readonly SegmentHit[]): readonly SegmentHit[] {
    if (this.vouched) return hits;
    const out: SegmentHit[] = [];
    for (const h of hits) {
      if (this.vouched) out.push(h);
      else if (this.vouches(h)) {
        this.vouched = true;
        for (const held of this.held) out.push(held);
        this.held = [];
        out.push(h);
      } else if (this.held.length > 0 || (capped(h) && h.confidence >= LEVEL_FLOOR.medium)) this.held.push(h);
      else out.push(h);
    }
    return out;
  }

  /** At the end of the file: what is still held, its postal codes capped (nothing vouched for them). */
  finish(): SegmentHit[] {
    const held = this.held;
    this.held = [];
    return held.map((h) => (capped(h) && h.confidence > POSTAL_ALONE_CAP ? { ...h, confidence: POSTAL_ALONE_CAP } : h));
  }

  private vouches(h: SegmentHit): boolean {
    return h.confidence >= LEVEL_FLOOR.medium && !h.suppressed && !NOT_VOUCHING.has(h.type) && this.counts(h);
  }
}
