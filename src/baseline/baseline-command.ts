/**
 * `jpii baseline [PATH...] -o FILE`: scans like `jpii scan` and writes the fingerprints of every finding
 * (`-o -`: stdout). Always exits 0 when the baseline was written. Never writes values or masked values.
 */
import type { Io } from '../cli.js';
import { DEFAULT_KEY_ENV } from '../config/types.js';
import { messages } from '../i18n/messages.js';
import { scanFindings, writeOut, type ScanCliOptions } from '../scan-command.js';
import { makeBaseline, renderBaseline } from './baseline.js';

export const DEFAULT_BASELINE_FILE = 'jpii-baseline.json';

const PUBLIC_KEY_WARNING =
  'jpii: warning: no fingerprint key is set, so this baseline uses the public default key and a 12-digit ' +
  'number in it could be recovered by trying every value. Set a secret in the key variable before sharing it.';

export async function runBaseline(paths: readonly string[], opts: ScanCliOptions, output: string, io: Io, now = new Date()): Promise<number> {
  const result = await scanFindings(paths, opts, io);
  const baseline = makeBaseline(result, now);
  const text = renderBaseline(baseline);
  if (output === '-') io.stdout.write(text);
  else await writeOut(output, text, io);
  if (!opts.quiet) {
    const keyEnv = opts.config?.fingerprintKeyEnv ?? DEFAULT_KEY_ENV;
    if (!io.env[keyEnv]) io.stderr.write(`${PUBLIC_KEY_WARNING.replace('the key variable', keyEnv)}\n`);
    if (output !== '-') io.stderr.write(`${messages(opts.lang).baselineWritten(baseline.fingerprints.length, output)}\n`);
  }
  return 0;
}
