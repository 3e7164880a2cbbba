/**
 * Distinct strings kept compactly and compared exactly: each gets a number (0, 1, 2, … in order of first
 * sight), by which its callers keep what they know of it in typed arrays. A roster of 86,000 rows has
 * 300,000 distinct values per file; as keys of a Map, each with an object beside it, they held 40 MB of the
 * main thread's heap per file (and, being slices of a chunk's values, kept whole chunks' strings alive).
 * Here the code units of every key sit one after the other in one Uint16Array (UTF-16 as JavaScript holds
 * it, so any string round-trips, lone surrogates included) and an open-addressing table (linear probing,
 * at most half full) holds key numbers. Typed arrays live outside the V8 heap: they are not traced by the
 * garbage collector and do not grow the heap's limit. No hash decides equality: keys are compared unit by
 * unit, so the number of distinct values is exact.
 */

/** A bigger typed array of the same kind with `old`'s elements at its start. */
export function grown<T extends Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array>(old: T, size: number): T {
  const next = new (old.constructor as new (n: number) => T)(size);
  next.set(old);
  return next;
}

/** FNV-1a over the code units, then murmur3's finalizer: linear probing needs well-mixed low bits. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Longest run of code units handed to String.fromCharCode at once (its arguments go on the stack). */
const DECODE_UNITS = 8192;

export class ValueTable {
  /** Code units of every key, one after the other; key i is units[ends[i - 1] … ends[i]). */
  private units = new Uint16Array(256);
  private ends = new Uint32Array(16);
  private hashes = new Uint32Array(16);
  /** Key number + 1 per slot, 0: empty. Its length is a power of two. */
  private slots = new Int32Array(32);
  private used = 0;
  /** How many distinct keys. */
  size = 0;
  /** Set by id(): whether the key it was given was seen then for the first time. */
  added = false;

  /** The key's number; a key not seen before gets the next one. */
  id(key: string): number {
    const hash = hashOf(key);
    const mask = this.slots.length - 1;
    let at = hash & mask;
    for (let slot = this.slots[at] as number; slot !== 0; slot = this.slots[at] as number) {
      if (this.hashes[slot - 1] === hash && this.equals(slot - 1, key)) {
        this.added = false;
        return slot - 1;
      }
      at = (at + 1) & mask;
    }
    const id = this.append(key, hash);
    this.slots[at] = id + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    this.added = true;
    return id;
  }

  /** The key numbered `id`, as a new string. */
  key(id: number): string {
    const start = this.startOf(id);
    const end = this.ends[id] as number;
    if (end - start <= DECODE_UNITS) return String.fromCharCode.apply(null, this.units.subarray(start, end) as unknown as number[]);
    let out = '';
    for (let i = start; i < end; i += DECODE_UNITS) out += String.fromCharCode.apply(null, this.units.subarray(i, Math.min(end, i + DECODE_UNITS)) as unknown as number[]);
    return out;
  }

  private startOf(id: number): number {
    return id === 0 ? 0 : (this.ends[id - 1] as number);
  }

  private equals(id: number, key: string): boolean {
    const start = this.startOf(id);
    if ((this.ends[id] as number) - start !== key.length) return false;
    const units = this.units;
    for (let i = 0; i < key.length; i++) if (units[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private append(key: string, hash: number): number {
    const id = this.size++;
    if (id === this.ends.length) {
      this.ends = grown(this.ends, id * 2);
      this.hashes = grown(this.hashes, id * 2);
    }
    const need = this.used + key.length;
    if (need > this.units.length) this.units = grown(this.units, Math.max(need, this.units.length * 2));
    for (let i = 0; i < key.length; i++) this.units[this.used + i] = key.charCodeAt(i);
    this.used = need;
    this.ends[id] = need;
    this.hashes[id] = hash;
    return id;
  }

  /** Twice the slots, every key placed again by its kept hash. */
  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let at = (this.hashes[id] as number) & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = id + 1;
    }
    this.slots = slots;
  }
}

/**
 * A file's distinct values, one table per type, shared by what keeps them (the occurrence tally and the
 * verdict's hits): a value both keep is stored once.
 */
export class ValueTables {
  private readonly byType = new Map<string, ValueTable>();

  of(type: string): ValueTable {
    let table = this.byType.get(type);
    if (!table) this.byType.set(type, (table = new ValueTable()));
    return table;
  }
}
