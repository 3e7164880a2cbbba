/**
 * Worker thread entry: builds the analyzer once from the configuration it is given, then handles one
 * request per message — a file's bytes (read by the main thread), one chunk of a huge text file, or one
 * piece of a big worksheet (and, without a reply, that a workbook read in pieces is done).
 * Replies are plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { notScanned, type FileResult } from '../model.js';
import { buildAnalyzer, type AnalyzerConfig } from './analyzer.js';
import type { PoolNotice, PoolReply, PoolRequest } from './pool.js';
import { analyzeReadBytes } from './process-file.js';
import { analyzeChunk } from './chunk-analysis.js';
import { analyzeSheetPiece, forgetWorkbook } from './sheet-piece.js';

const analyzer = buildAnalyzer(workerData as AnalyzerConfig);

async function handle(msg: PoolRequest & { id: number }): Promise<PoolReply> {
  if (msg.kind === 'chunk') return { id: msg.id, chunk: analyzeChunk(msg.chunk, analyzer) };
  if (msg.kind === 'piece') return { id: msg.id, piece: await analyzeSheetPiece(msg.piece, analyzer) };
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
  return { id: msg.id, results: await analyzeReadBytes(msg.ref, msg.bytes, analyzer) };
}

parentPort?.on('message', (msg: (PoolRequest & { id: number }) | PoolNotice) => {
  if (msg.kind === 'forget') {
    forgetWorkbook(msg.workbook);
    return;
  }
  handle(msg).then(
    // A piece's bytes go back as they came, without a copy.
    (reply) => parentPort?.postMessage(reply, reply.piece && wholeBuffer(reply.piece.bytes) ? [reply.piece.bytes.buffer as ArrayBuffer] : []),
    (error: unknown) => parentPort?.postMessage({ id: msg.id, error: (error as Error).stack ?? String(error) }),
  );
});

function wholeBuffer(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}
