/**
 * Which file bytes move to a worker without a copy: whole buffers, and views of buffers a reader allocated for
 * one file; never a slice of Node's shared pool or of a buffer it did not allocate.
 */
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { movable, ownedBuffer } from '../../src/scan/owned-buffers.js';

describe('movable', () => {
  it.each([
    ['a whole Uint8Array', () => new Uint8Array(10), true],
    ['a reader buffer one byte longer than the file', () => ownedBuffer(11).subarray(0, 10), true],
    ['a reader buffer not starting at 0', () => ownedBuffer(11).subarray(1), false],
    ['a slice of the shared pool', () => Buffer.from('small file'), false],
    ['a shorter view of a buffer nobody registered', () => Buffer.allocUnsafeSlow(11).subarray(0, 10), false],
  ])('%s: %s', (_name, make, expected) => {
    expect(movable(make())).toBe(expected);
  });

  it('a moved view arrives with its length, and the sender no longer holds the bytes', () => {
    const bytes = ownedBuffer(11).subarray(0, 10);
    bytes.fill(7);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
    const got = receiveMessageOnPort(port2)?.message as Uint8Array;
    expect([got.length, got[9], bytes.byteLength]).toEqual([10, 7, 0]);
    port1.close();
  });
});
