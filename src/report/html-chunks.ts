/**
 * Packed chunks of the HTML report's data: records gathered until a few hundred KB of JSON, then packed
 * (html-data.ts) into one `<script type="application/octet-stream" class="…" data-from="N">` element, N
 * being the index of the chunk's first file. The table's records and the files' details (findings,
 * occurrences, notes — unpacked only when a file is selected) are two such series.
 * Input: record JSON texts, in file order. Output: elements written to a section.
 * Never: holds more than one chunk's records in memory.
 */
import { packRecords } from './html-data.js';
import type { Section } from './sections.js';

/** Characters of records packed together: a few hundred KB of JSON each, so no chunk is a big string. */
const CHUNK_CHARS = 1 << 19;

export class PackedChunks {
  private pending: string[] = [];
  private chars = 0;
  private from = 0;

  constructor(
    private readonly className: string,
    private readonly section: Section,
  ) {}

  add(json: string): void {
    this.pending.push(json);
    this.chars += json.length;
    if (this.chars >= CHUNK_CHARS) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.section.write(`<script type="application/octet-stream" class="${this.className}" data-from="${this.from}">${packRecords(this.pending)}</script>\n`);
    this.from += this.pending.length;
    this.pending = [];
    this.chars = 0;
  }

  read(): Iterable<string> {
    this.flush();
    return this.section.read();
  }

  /** read() as Section.chunks gives it: kept text comes back as its bytes. */
  chunks(): Iterable<string | Uint8Array> {
    this.flush();
    return this.section.chunks();
  }
}
