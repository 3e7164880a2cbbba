#!/usr/bin/env node
/**
 * Reads vitest's JSON report and the committed floor, and fails (exit 1) when the run proves less than it
 * should: a failed test or file, any skipped or todo test (under CI nothing may be switched off silently),
 * fewer tests run than the floor (test/min-test-count.json — raise it when you add tests; lowering it is a
 * reviewed change), or no report at all. Always ends with the line "N passed, N failed, N skipped".
 * Usage: node .ci/check-results.mjs VITEST_JSON MIN_COUNT_JSON
 */
import { readFileSync } from 'node:fs';

function readJson(file, what) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { error: `${what} ${file} unreadable: ${error.message}` };
  }
}

const [reportFile, floorFile] = process.argv.slice(2);
const report = readJson(reportFile, 'vitest report');
const floor = readJson(floorFile, 'test floor');
const problems = [];
if (report.error) problems.push(`${report.error} (vitest did not finish)`);
if (floor.error || !Number.isInteger(floor.tests) || floor.tests <= 0) problems.push(floor.error ?? `${floorFile}: "tests" must be a positive integer`);

const tests = (report.testResults ?? []).flatMap((file) => (file.assertionResults ?? []).map((t) => ({ file: file.name, ...t })));
const passed = tests.filter((t) => t.status === 'passed').length;
const failed = tests.filter((t) => t.status === 'failed').length;
const skipped = tests.filter((t) => t.status !== 'passed' && t.status !== 'failed');
const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).every((t) => t.status !== 'failed'));

if (failed > 0) problems.push(`${failed} test(s) failed`);
for (const f of brokenFiles) problems.push(`test file failed outside its tests: ${f.name}: ${String(f.message ?? '').split('\n')[0]}`);
if (report.success === false && failed === 0 && brokenFiles.length === 0) problems.push('vitest reported the run as failed');
for (const t of skipped) problems.push(`${t.status}: ${t.fullName} (${t.file})`);
if (Number.isInteger(floor.tests) && passed + failed < floor.tests) {
  problems.push(`only ${passed + failed} tests ran, fewer than the committed floor of ${floor.tests} (${floorFile})`);
}

for (const p of problems) console.error(`ci: ${p}`);
console.log(`${passed} passed, ${failed} failed, ${skipped.length} skipped`);
process.exitCode = problems.length ? 1 : 0;
