/**
 * Buffers a reader allocated for one file's bytes (never Node's shared pool, never split among files): the
 * pool moves them to a worker without a copy even when the file's bytes are a shorter view of them (a read
 * asks for one byte more than the walk's size, to notice a file that grew).
 */
const owned = new WeakSet<ArrayBufferLike>();

export function ownedBuffer(size: number): Buffer {
  const buf = Buffer.allocUnsafeSlow(size);
  owned.add(buf.buffer);
  return buf;
}

/** Whether `bytes` can be moved to another thread by transferring its whole ArrayBuffer. */
export function movable(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && (bytes.byteLength === bytes.buffer.byteLength || owned.has(bytes.buffer));
}
