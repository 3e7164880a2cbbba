/**
 * The chunks of a streamed XML part as text, exactly as one TextDecoder given every chunk with `{stream: true}`
 * would give it, but an all-ASCII chunk of a UTF-8 part read as latin1 (the same characters): a worksheet is
 * ASCII (its text lives in the shared strings), and TextDecoder cost ≈ 10 ns a byte of its 32 MB.
 * Only until the first chunk that is not ASCII: from there the decoder reads every chunk, since a character can
 * be cut between two chunks. A decoder started after ASCII chunks keeps a U+FEFF it meets (one started at the
 * beginning drops a leading byte order mark, as before).
 */
import { isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { xmlEncodingOf } from './zip-parts.js';

export class ChunkText {
  private decoder: TextDecoder | undefined;
  private utf8Ascii: boolean | undefined;
  private chunks = 0;

  /** Whether any chunk came (an empty part has none). */
  get started(): boolean {
    return this.chunks > 0;
  }

  /** Whether every chunk so far was ASCII, read as latin1 (its text's offsets are then its bytes'). */
  get ascii(): boolean {
    return this.utf8Ascii === true;
  }

  decode(bytes: Uint8Array): string {
    if (this.chunks++ === 0) this.utf8Ascii = xmlEncodingOf(bytes) === 'utf-8';
    if (this.utf8Ascii && isAscii(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (!this.decoder) {
      const first = this.chunks === 1;
      this.decoder = new TextDecoder(first ? xmlEncodingOf(bytes) : 'utf-8', { ignoreBOM: !first });
      this.utf8Ascii = false;
    }
    return this.decoder.decode(bytes, { stream: true });
  }

  /** What the decoder still holds (a cut character becomes U+FFFD), once the part has ended. */
  end(): string {
    return this.decoder ? this.decoder.decode() : '';
  }
}
