/**
 * Worker thread entry: builds the analyzer once from the configuration it is given, then handles one
 * request per message — a file's bytes (read by the main thread), or one chunk of a huge text file.
 * Replies are plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { notScanned, type FileResult } from '../model.js';
import { buildAnalyzer, type AnalyzerConfig } from './analyzer.js';
import type { PoolPartial, PoolReply, PoolRequest } from './pool.js';
import { analyzeStreamed } from './analyze-file.js';
import { analyzeReadBytes } from './process-file.js';
import { analyzeChunk } from './chunk-analysis.js';

const analyzer = buildAnalyzer(workerData as AnalyzerConfig);

async function handle(msg: PoolRequest & { id: number }): Promise<PoolReply> {
  if (msg.kind === 'chunk') return { id: msg.id, chunk: analyzeChunk(msg.chunk, analyzer) };
  if (msg.kind === 'batch') {
    const batch: FileResult[][] = [];
    for (const { ref, bytes } of msg.items) {
      try {
        batch.push(await analyzeReadBytes(ref, bytes, analyzer));
      } catch (error) {
        batch.push([notScanned(ref.relPath, 'error', `internal error: ${(error as Error).message}`, { size: ref.size })]);
      }
    }
    return { id: msg.id, batch };
  }
  if (msg.stream) {
    const id = msg.id;
    const end = await analyzeStreamed(msg.ref.relPath, msg.bytes, analyzer, (partial) => {
      const reply: PoolPartial = { id, partial };
      parentPort?.postMessage(reply);
    });
    if (!Array.isArray(end)) return { id, streamed: end };
    if (end[0]) end[0].size = msg.ref.size;
    return { id, results: end };
  }
  return { id: msg.id, results: await analyzeReadBytes(msg.ref, msg.bytes, analyzer) };
}

parentPort?.on('message', (msg: PoolRequest & { id: number }) => {
  handle(msg).then(
    (reply) => parentPort?.postMessage(reply),
    (error: unknown) => parentPort?.postMessage({ id: msg.id, error: (error as Error).stack ?? String(error) }),
  );
});
