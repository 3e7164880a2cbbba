/**
 * The first page of the HTML report's file table, known before the page is written: the PAGE_SIZE files
 * the table shows first (highest risk, then most findings, then path — the script's default sort), kept
 * in a bounded list as the files stream by. The page embeds them plainly, so the overview and the first
 * rows are drawn at once and the packed records of every file are unpacked afterwards.
 * Input: each file's record and its JSON text. Output: the kept records' JSON, in table order.
 * Never: grows with the number of files (PAGE_SIZE entries at most).
 */
import type { FileRecord } from './html-data.js';

interface Kept {
  k: number;
  n: number;
  p: string;
  json: string;
}

/** The script's default order (html-client.ts, sort 'k' descending): true when `a` comes before `b`. */
function before(a: Kept, b: Kept): boolean {
  if (a.k !== b.k) return a.k > b.k;
  if (a.n !== b.n) return a.n > b.n;
  return a.p < b.p;
}

export class FirstPage {
  private readonly kept: Kept[] = [];

  constructor(private readonly size: number) {}

  add(record: FileRecord, json: string): void {
    const item: Kept = { k: record.k, n: record.n, p: record.p, json };
    const last = this.kept[this.kept.length - 1];
    if (this.kept.length === this.size && last !== undefined && !before(item, last)) return;
    // Binary search for the first kept entry the new one comes before.
    let lo = 0;
    let hi = this.kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(item, this.kept[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    this.kept.splice(lo, 0, item);
    if (this.kept.length > this.size) this.kept.pop();
  }

  /** The kept records as one JSON array text, in table order. */
  json(): string {
    return `[${this.kept.map((k) => k.json).join(',')}]`;
  }
}
