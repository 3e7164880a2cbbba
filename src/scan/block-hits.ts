/**
 * The hits of a block of cell segments (cell-blocks.ts) as columns, like a text chunk's (packed-hits.ts),
 * with each hit's segment in the block instead of its location: a cell's hits are located at the cell
 * (a copy of its origin), which the thread that sent the block still has. Hits of another shape
 * (suppressed, OCR, a location other than the cell) travel as they are.
 */
import type { Segment } from '../model.js';
import type { SegmentHit } from './analyze-segment.js';
import { originAt, type PackedSegments } from './packed-segments.js';

export interface BlockHits {
  count: number;
  /** Types and column labels, each once. */
  names: string[];
  type: Int32Array;
  /** Column label's index in `names`, -1: none. */
  label: Int32Array;
  confidence: Float64Array;
  /** Index of the hit's segment in the block. */
  seg: Int32Array;
  values: string;
  valueEnd: Uint32Array;
  whole: { at: number; hit: SegmentHit }[];
}

const HIT_KEYS: Record<string, number> = { type: 1, value: 2, confidence: 3, location: 4, column: 5 };

/** `{type, value, confidence, location, column?}` with the location exactly `{sheet, cell}` of its segment. */
function atCell(h: SegmentHit, seg: Segment): boolean {
  let seen = 0;
  for (const k in h) {
    const rank = HIT_KEYS[k];
    if (rank === undefined || rank <= seen || (rank <= 4 && rank !== seen + 1)) return false;
    seen = rank;
  }
  if (seen < 4) return false;
  const loc = h.location;
  const origin = seg.origin;
  let keys = 0;
  for (const k in loc) if (++keys > 2 || k !== (keys === 1 ? 'sheet' : 'cell')) return false;
  keys = 0;
  for (const k in origin) if (++keys > 2 || k !== (keys === 1 ? 'sheet' : 'cell')) return false;
  return loc.sheet === origin.sheet && loc.cell === origin.cell && typeof loc.cell === 'string' && typeof loc.sheet === 'string';
}

const JOIN_RUN = 1024;

export class BlockHitPacker {
  private n = 0;
  private readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  private type = new Int32Array(256);
  private label = new Int32Array(256);
  private confidence = new Float64Array(256);
  private seg = new Int32Array(256);
  private valueEnd = new Uint32Array(256);
  private values: string[] = [];
  private readonly runs: string[] = [];
  private end = 0;
  private readonly whole: BlockHits['whole'] = [];

  /** A hit of the block's segment `at` (`seg`). */
  add(h: SegmentHit, at: number, seg: Segment): void {
    const i = this.n++;
    if (i === this.type.length) this.grow();
    this.seg[i] = at;
    if (!atCell(h, seg)) {
      this.whole.push({ at: i, hit: h });
      this.valueEnd[i] = this.end;
      return;
    }
    this.type[i] = this.nameOf(h.type);
    this.label[i] = h.column === undefined ? -1 : this.nameOf(h.column);
    this.confidence[i] = h.confidence;
    if (this.values.push(h.value) === JOIN_RUN) {
      this.runs.push(this.values.join(''));
      this.values = [];
    }
    this.valueEnd[i] = this.end += h.value.length;
  }

  done(): BlockHits {
    const n = this.n;
    return {
      count: n,
      names: this.names,
      type: this.type.slice(0, n),
      label: this.label.slice(0, n),
      confidence: this.confidence.slice(0, n),
      seg: this.seg.slice(0, n),
      values: this.runs.join('') + this.values.join(''),
      valueEnd: this.valueEnd.slice(0, n),
      whole: this.whole,
    };
  }

  private nameOf(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) this.index.set(s, (i = this.names.push(s) - 1));
    return i;
  }

  private grow(): void {
    const size = this.type.length * 2;
    const grown = <T extends Int32Array | Float64Array | Uint32Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.type = grown(this.type, Int32Array);
    this.label = grown(this.label, Int32Array);
    this.confidence = grown(this.confidence, Float64Array);
    this.seg = grown(this.seg, Int32Array);
    this.valueEnd = grown(this.valueEnd, Uint32Array);
  }
}

/** The hits in order, as objects equal to those packed; `segments`: the block as it was sent. */
export function unpackBlockHits(p: BlockHits, segments: PackedSegments): SegmentHit[] {
  const out: SegmentHit[] = new Array<SegmentHit>(p.count);
  let w = 0;
  for (let i = 0; i < p.count; i++) {
    const whole = p.whole[w];
    if (whole !== undefined && whole.at === i) {
      out[i] = whole.hit;
      w++;
      continue;
    }
    // A packed hit's location was exactly its segment's {sheet, cell} (atCell): a copy of it, keys in that order.
    const location = originAt(segments, p.seg[i] as number);
    const value = p.values.slice(i === 0 ? 0 : (p.valueEnd[i - 1] as number), p.valueEnd[i] as number);
    const hit: SegmentHit = { type: p.names[p.type[i] as number] as string, value, confidence: p.confidence[i] as number, location };
    const label = p.label[i] as number;
    if (label >= 0) hit.column = p.names[label] as string;
    out[i] = hit;
  }
  return out;
}
