/**
 * Worker thread entry: builds the analyzer once from the configuration it is given, then handles one
 * request per message — a file's bytes (read by the main thread), one chunk of a huge text file, or a block
 * of another worker's workbook cells (cell-blocks.ts). Replies are plain data. While a file is analyzed here,
 * blocks of its cells may go out through the main thread and their results come back (remote-cells.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { notScanned, type FileResult } from '../model.js';
import { buildAnalyzer, type AnalyzerConfig } from './analyzer.js';
import type { PoolReply, PoolRequest } from './pool.js';
import { analyzeReadBytes } from './process-file.js';
import { analyzeChunk } from './chunk-analysis.js';
import { analyzeCellBlock } from './cell-blocks.js';
import { SegmentAnalysis } from './segment-analysis.js';
import { blockReplied, countFinished, remoteCells, type BlockReply } from './remote-cells.js';

const analyzer = buildAnalyzer(workerData as AnalyzerConfig);

/** The analysis of the last file whose blocks came here: its memo serves its next blocks (they come in file order). */
let helping: { file: string; analysis: SegmentAnalysis } | undefined;

function analysisFor(file: string): SegmentAnalysis {
  if (helping?.file !== file) helping = { file, analysis: new SegmentAnalysis(analyzer) };
  return helping.analysis;
}

async function handle(msg: PoolRequest & { id: number }): Promise<PoolReply> {
  if (msg.kind === 'chunk') return { id: msg.id, chunk: analyzeChunk(msg.chunk, analyzer) };
  if (msg.kind === 'cells') {
    const cells = analyzeCellBlock(msg.block, analysisFor(msg.file), analyzer.vocabulary);
    countFinished(msg.finished);
    return { id: msg.id, cells };
  }
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
  const remote = msg.helpers && parentPort ? remoteCells(parentPort, msg.id, msg.helpers) : undefined;
  try {
    return { id: msg.id, results: await analyzeReadBytes(msg.ref, msg.bytes, analyzer, remote) };
  } finally {
    remote?.close();
  }
}

parentPort?.on('message', (msg: (PoolRequest & { id: number }) | BlockReply) => {
  if (msg.kind === 'cells-done') {
    blockReplied(msg);
    return;
  }
  handle(msg).then(
    (reply) => parentPort?.postMessage(reply),
    (error: unknown) => parentPort?.postMessage({ id: msg.id, error: (error as Error).stack ?? String(error) }),
  );
});
