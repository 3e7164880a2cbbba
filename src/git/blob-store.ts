/**
 * Reads blobs from the git object store (the index's content, not the working tree) in batches: one
 * `git cat-file --batch` per ~32 MiB instead of one process per file, and never the whole commit at once.
 * Input: blob ids in the order the scan will ask for them, with their sizes. Output: each blob's bytes.
 * Never: reads the working tree or writes to the repository.
 */
import { git } from './run-git.js';

const BATCH_BYTES = 32 * 1024 * 1024;

/** `<sha> <type> <size>\n<content>\n`, repeated: the format of `git cat-file --batch`. */
export function parseBatch(out: Buffer): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const [sha = '', type = '', size = ''] = out.toString('utf8', at, eol).split(' ');
    if (type === 'missing' || size === '') throw new Error(`git cat-file: object ${sha} is missing`);
    const n = Number(size);
    blobs.set(sha, out.subarray(eol + 1, eol + 1 + n));
    at = eol + 1 + n + 1;
  }
  return blobs;
}

/** `<sha> blob <size>` lines of `git cat-file --batch-check`. */
export async function blobSizes(shas: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  if (!shas.length) return sizes;
  const out = await git(['cat-file', '--batch-check'], cwd, env, `${shas.join('\n')}\n`);
  for (const line of out.toString('utf8').split('\n')) {
    const [sha, type, size] = line.split(' ');
    if (sha && type === 'blob' && size !== undefined) sizes.set(sha, Number(size));
  }
  return sizes;
}

export class BlobStore {
  private readonly loaded = new Map<string, Promise<Map<string, Buffer>>>();
  private next = 0;

  /** `order`: blob ids as the scan will request them; each is fetched with the ones after it. */
  constructor(
    private readonly order: readonly string[],
    private readonly sizes: ReadonlyMap<string, number>,
    private readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  async read(sha: string): Promise<Buffer> {
    let batch = this.loaded.get(sha);
    if (!batch) batch = this.startBatch(sha);
    const blob = (await batch).get(sha);
    this.loaded.delete(sha);
    if (!blob) throw new Error(`git cat-file: object ${sha} is missing`);
    return blob;
  }

  /** Fetches `first` and the not-yet-fetched blobs that follow it in `order`, up to BATCH_BYTES. */
  private startBatch(first: string): Promise<Map<string, Buffer>> {
    const shas = [first];
    let bytes = this.sizes.get(first) ?? 0;
    while (this.next < this.order.length) {
      const sha = this.order[this.next] ?? '';
      const size = this.sizes.get(sha) ?? 0;
      if (this.loaded.has(sha) || sha === first) {
        this.next++;
        continue;
      }
      if (bytes + size > BATCH_BYTES) break;
      shas.push(sha);
      bytes += size;
      this.next++;
    }
    const batch = git(['cat-file', '--batch'], this.cwd, this.env, `${shas.join('\n')}\n`).then(parseBatch);
    for (const sha of shas) this.loaded.set(sha, batch);
    return batch;
  }
}
