/**
 * Microsoft's SARIF validator with GitHub's rules (`Sarif.Multitool validate --rule-kind "Gh;Sarif"`, the
 * checks code scanning's upload applies) on the SARIF of a share with spreadsheets, PDFs, Word and
 * PowerPoint files, archives, e-mail and text: no error and no warning, scanned from inside the folder and
 * from outside it. The validator is the devDependency @microsoft/sarif-multitool (a self-contained .NET
 * binary, no runtime needed); where its platform package is missing the test is skipped, except under CI.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpii, REPO_ROOT, tempDir } from '../cli/run.js';

function findValidator(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve(`@microsoft/sarif-multitool-${process.platform}/package.json`);
    const bin = join(dirname(pkg), process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');
    if (!existsSync(bin)) return undefined;
    try {
      accessSync(bin, constants.X_OK);
    } catch {
      chmodSync(bin, 0o755); // its postinstall (chmod u+x) does not run where install scripts are off
    }
    return bin;
  } catch {
    return undefined;
  }
}

const validator = findValidator();
if (!validator && process.env.CI) throw new Error('@microsoft/sarif-multitool is not installed (npm ci installs it)');

interface Problem {
  ruleId: string;
  message: string;
}

/** The validator's errors and warnings on a SARIF file (it writes them as a SARIF log of its own). */
function validate(bin: string, file: string): Problem[] {
  const out = `${file}.validation.sarif`;
  rmSync(out, { force: true });
  const run = spawnSync(bin, ['validate', file, '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning', '--output', out], { encoding: 'utf8', timeout: 120_000 });
  if (!existsSync(out)) throw new Error(`validator failed (exit ${run.status}): ${run.stderr || run.stdout.slice(-2000)}`);
  const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: { ruleId: string; message: { id?: string; arguments?: string[] } }[] }[] };
  return (log.runs[0]?.results ?? []).map((r) => ({ ruleId: r.ruleId, message: `${r.message.id ?? ''} ${(r.message.arguments ?? []).join(' | ')}` }));
}

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('jpii-sarif-validator-'));
  cpSync(join(REPO_ROOT, 'fixtures', 'documents'), join(dir, 'share'), { recursive: true });
  writeFileSync(join(dir, 'share', '顧客 メモ.txt'), '担当: 見本 太郎\nTEL 03-1234-5678\nメール taro.mihon@example.com\n');
  // UTF-8 with one broken byte: scanned with a note, which the log carries as a notification.
  writeFileSync(join(dir, 'share', '壊れた ログ.log'), Buffer.concat([Buffer.from('担当: 見本 花子\nTEL 03-1234-5679\n'), Buffer.from([0xff]), Buffer.from('\n')]));
});
afterAll(() => cleanup());

describe.skipIf(!validator)('sarif-multitool validate --rule-kind Gh;Sarif', () => {
  it.each([
    ['from inside the scanned folder', (): [string[], string] => [['scan', '.'], join(dir, 'share')]],
    ['from outside it (absolute paths)', (): [string[], string] => [['scan', join(dir, 'share')], REPO_ROOT]],
  ])('reports no error or warning on a scan %s', async (_name, setup) => {
    const [args, cwd] = setup();
    const file = join(dir, `${_name.length}.sarif`);
    const r = await jpii([...args, '-f', 'sarif', '-o', file, '--fail-on', 'never', '--no-progress'], cwd);
    expect(r.code).toBe(0);
    const log = JSON.parse(readFileSync(file, 'utf8')) as {
      runs: { results: unknown[]; invocations: { toolExecutionNotifications: { level: string; properties?: { fileNote?: boolean }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }[];
    };
    const results = log.runs[0]?.results ?? [];
    expect(results.length).toBeGreaterThan(20); // documents and text findings both
    const notes = (log.runs[0]?.invocations[0]?.toolExecutionNotifications ?? []).filter((n) => n.properties?.fileNote);
    expect(notes.map((n) => [n.level, decodeURIComponent(n.locations[0]?.physicalLocation.artifactLocation.uri ?? '').endsWith('壊れた ログ.log')])).toContainEqual(['note', true]);
    expect(validate(validator!, file)).toEqual([]);
  }, 180_000);

  it('flags a result without a region and an absolute path under %SRCROOT% (the validator has teeth)', async () => {
    const file = join(dir, 'broken.sarif');
    const r = await jpii(['scan', '.', '-f', 'sarif', '-o', file, '--fail-on', 'never', '--no-progress'], join(dir, 'share'));
    expect(r.code).toBe(0);
    const log = JSON.parse(readFileSync(file, 'utf8')) as { runs: { results: { locations: { physicalLocation: { region?: unknown; artifactLocation: { uri: string } } }[] }[] }[] };
    const first = log.runs[0]?.results[0]?.locations[0]?.physicalLocation;
    if (!first) throw new Error('no result');
    delete first.region;
    first.artifactLocation.uri = `/abs/${first.artifactLocation.uri}`;
    writeFileSync(file, JSON.stringify(log));
    expect(validate(validator!, file).map((p) => p.ruleId).sort()).toEqual(['SARIF1004', 'SARIF2017']);
  }, 180_000);
});
