/**
 * The system Chromium for the HTML report's browser tests: `CHROME_PATH`, else the usual Debian/Ubuntu
 * paths. puppeteer-core never downloads a browser (none could be downloaded offline anyway).
 */
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROME_PATH) return existsSync(env.CHROME_PATH) ? env.CHROME_PATH : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

/** Flags for a headless run as root in a container: no sandbox (root), no GPU, no first-run work. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check'];
