/**
 * setupFiles of vitest.mutate.config.ts (mutation testing only): loads the modules Stryker mutates before any
 * test runs, so their module-level code (tables and constants: card IIN ranges, sandbox PANs, the masker
 * table, the CSV header) runs outside every test. Otherwise a test that loads one of them first, lazily (the
 * in-process CLI imports the scan engine on demand), is credited with that code: Stryker then plans those
 * mutants as covered by that one test, switches them on only after the module was loaded, and reports them as
 * survivors that no test could kill (found 2026-12-06: 81 of credit-card.ts's 96 survivors, 13 in mask.ts and
 * csv.ts, each killed when applied by hand). Loaded here, they are static mutants, which `ignoreStatic` leaves
 * out of the score; test/mutation/hand-apply.mjs measures them by hand (TESTING.md, "Mutation testing").
 */
import '../../src/validators/index.js';
import '../../src/score/mask.js';
import '../../src/score/fingerprint.js';
import '../../src/score/confidence.js';
import '../../src/score/key-context.js';
import '../../src/score/risk.js';
import '../../src/report/index.js';
import '../../src/report/csv.js';
import '../../src/report/xlsx-rows.js';
import '../../src/report/json.js';
import '../../src/report/sarif.js';
import '../../src/report/sarif-location.js';
import '../../src/report/location.js';
import '../../src/report/text.js';
