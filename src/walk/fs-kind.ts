/**
 * Local disk or network share? On a local file system a synchronous stat or read of a small file takes
 * microseconds, far less than the round trip through libuv's thread pool; on a network share each call
 * waits for the server, so calls must overlap (asynchronous). Unknown (other platforms, errors) counts as
 * network: the safe choice.
 */
import { statfsSync } from 'node:fs';

/** statfs(2) f_type of file systems whose calls go over the network (linux/magic.h and FUSE). */
const NETWORK_FS = new Set([
  0x6969, // NFS
  0x517b, // SMB
  0xff534d42, // CIFS
  0xfe534d42, // SMB2
  0x65735546, // FUSE (sshfs, rclone, s3fs…)
  0x5346414f, // AFS
  0x00c36400, // Ceph
  0x01021997, // 9P (WSL, virtio)
  0x0bd00bd0, // Lustre
  0x47504653, // GPFS
]);

export function isLocalFileSystem(path: string): boolean {
  if (process.platform !== 'linux') return false;
  try {
    return !NETWORK_FS.has(Number(statfsSync(path).type));
  } catch {
    return false;
  }
}
