/**
 * What analyze-file.ts remembers of a file's short cells: per column (letters, header, and the label beside
 * the cell if any), each cell text's analysis. Statuses, product and company names repeat and are analysed once; a column whose texts do not
 * repeat (order numbers, amounts, e-mail addresses) is soon given up, so its 100,000 cells cost no look-up
 * and do not fill the memo before the columns that repeat. A cache only: what is found never depends on it
 * (test/scan/cell-memo.test.ts compares scans with and without it).
 */

/** Texts remembered per file, all columns together (a bound on memory, not a tuning knob). */
export const CELL_MEMO = { entries: 50_000 };

/** A column is judged after this many cells: it is given up when fewer than one in eight was a repeat. */
const PROBE = 512;
const MIN_REPEATS = 1 / 8;

export class ColumnMemo<T> {
  private readonly texts = new Map<string, T>();
  private asked = 0;
  private repeats = 0;
  private off = false;

  constructor(private readonly memo: CellMemo<T>) {}

  get(text: string): T | undefined {
    if (this.off) return undefined;
    const known = this.texts.get(text);
    if (known !== undefined) this.repeats++;
    if (++this.asked === PROBE && this.repeats < PROBE * MIN_REPEATS) this.giveUp();
    return known;
  }

  set(text: string, value: T): void {
    if (this.off || !this.memo.take()) return;
    this.texts.set(text, value);
  }

  private giveUp(): void {
    this.off = true;
    this.memo.give(this.texts.size);
    this.texts.clear();
  }
}

export class CellMemo<T> {
  /**
   * letters → header → column, for cells without a label, and one such map per label: a cell's analysis reads
   * the label beside it before its header (analyze-segment.ts keyOf). Nested maps, not one joined key: a key
   * string built per cell cost more than the look-up saved.
   */
  private readonly plain = new Map<string, Map<string, ColumnMemo<T>>>();
  private readonly labelled = new Map<string, Map<string, Map<string, ColumnMemo<T>>>>();
  private remembered = 0;

  column(letters: string, header: string, label: string | undefined): ColumnMemo<T> {
    let columns = this.plain;
    if (label !== undefined) {
      let byLabel = this.labelled.get(label);
      if (!byLabel) this.labelled.set(label, (byLabel = new Map()));
      columns = byLabel;
    }
    let byHeader = columns.get(letters);
    if (!byHeader) columns.set(letters, (byHeader = new Map()));
    let column = byHeader.get(header);
    if (!column) byHeader.set(header, (column = new ColumnMemo(this)));
    return column;
  }

  /** Room for one more text? (taken if so) */
  take(): boolean {
    if (this.remembered >= CELL_MEMO.entries) return false;
    this.remembered++;
    return true;
  }

  give(count: number): void {
    this.remembered -= count;
  }
}
