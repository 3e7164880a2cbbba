/**
 * Worker thread entry: builds the analyzer once from the configuration it is given, then processes one
 * file per message. Results are plain data and cross back by structured clone.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FileRef } from '../model.js';
import { buildAnalyzer, type AnalyzerConfig } from './analyzer.js';
import { processFile } from './process-file.js';

const analyzer = buildAnalyzer(workerData as AnalyzerConfig);

parentPort?.on('message', (msg: { id: number; ref: FileRef }) => {
  processFile(msg.ref, analyzer).then(
    (results) => parentPort?.postMessage({ id: msg.id, results }),
    (error: unknown) => parentPort?.postMessage({ id: msg.id, error: (error as Error).stack ?? String(error) }),
  );
});
