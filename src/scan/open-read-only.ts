/**
 * Files are opened read-only and, where the platform allows (Linux O_NOATIME: files the user owns, or
 * any file for root), without changing their access time: archival and backup policies on shares rely
 * on it. Where O_NOATIME is refused (EPERM) or unknown, a plain read-only open.
 */
import { closeSync, constants, openSync, readFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

const NOATIME = constants.O_NOATIME ?? 0;
const FLAGS = constants.O_RDONLY | NOATIME;

function refused(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return NOATIME !== 0 && (code === 'EPERM' || code === 'EINVAL');
}

export async function openReadOnly(path: string): Promise<FileHandle> {
  try {
    return await open(path, FLAGS);
  } catch (error) {
    if (refused(error)) return open(path, constants.O_RDONLY);
    throw error;
  }
}

export function readFileReadOnlySync(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (error) {
    if (!refused(error)) throw error;
    fd = openSync(path, constants.O_RDONLY);
  }
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
