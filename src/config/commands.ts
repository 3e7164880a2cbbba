/**
 * `jpii hash TYPE [VALUE]` and `jpii init`: the config-side commands.
 * `hash` reads the value from stdin when it is not an argument, so it stays out of shell history, and prints
 * only the keyed hash. Neither command scans anything.
 */
import { relative } from 'node:path';
import type { Io } from '../cli.js';
import { messages, type Lang } from '../i18n/messages.js';
import { UsageError } from '../options.js';
import { compilePatternFiles, loadBuiltinRules } from '../patterns/load.js';
import { DEFAULT_FINGERPRINT_KEY } from '../score/fingerprint.js';
import { hashValue } from './hash-value.js';
import { initConfig } from './init.js';
import { resolveConfig, type ConfigFlag } from './resolve.js';
import { DEFAULT_KEY_ENV } from './types.js';

async function readStdin(io: Io): Promise<string> {
  const stdin = io.stdin ?? process.stdin;
  if (stdin.isTTY) io.stderr.write('jpii: type the value, then press Enter and Ctrl-D\n');
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export async function runHash(type: string, value: string | undefined, flags: { config?: ConfigFlag }, io: Io): Promise<number> {
  const config = await resolveConfig(flags.config, [], io.cwd);
  const rules = [...loadBuiltinRules(), ...(config?.customPatterns.length ? compilePatternFiles(config.customPatterns) : [])];
  const raw = value ?? (await readStdin(io));
  if (raw.trim() === '') throw new UsageError('hash: no value given (pass it as an argument or on stdin)');
  const keyEnv = config?.fingerprintKeyEnv ?? DEFAULT_KEY_ENV;
  const key = io.env[keyEnv];
  if (!key) io.stderr.write(`jpii: warning: ${keyEnv} is not set: this hash uses the public default key\n`);
  const outcome = hashValue(type, raw, key || DEFAULT_FINGERPRINT_KEY, rules);
  if (!outcome.ok) throw new UsageError(`hash: ${outcome.error}`);
  io.stdout.write(`${outcome.hash}\n`);
  return 0;
}

export function runInit(io: Io, lang: Lang): number {
  const file = initConfig(io.cwd);
  io.stderr.write(`${messages(lang).configCreated(relative(io.cwd, file))}\n`);
  return 0;
}
