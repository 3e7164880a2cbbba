/**
 * scoreCandidates hands a cell candidate the context the gate read for a text match of the same type and span
 * (score/confidence.ts ReadContexts). contextOf is pure, so the confidence must be the one read afresh: checked
 * on a generated roster where nearly every cell is found both ways.
 */
import { describe, expect, it } from 'vitest';
import { TextDetector } from '../../src/detect/detect.js';
import { tableOf } from '../../src/extract/text.js';
import type { Candidate, Segment } from '../../src/model.js';
import { normalize } from '../../src/normalize/normalize.js';
import { loadBuiltinRules } from '../../src/patterns/load.js';
import { canReach, confidenceOf, contextOf, scoreCandidates, type ScoreContext } from '../../src/score/confidence.js';
import { columnIndexAt } from '../../src/extract/csv-header.js';
import { TableCells } from '../../src/scan/table-cells.js';
import { seededRandom } from '../properties/generators.js';

const rules = loadBuiltinRules();
const ruleMap = new Map(rules.map((r) => [r.id, r]));

function roster(rows: number): string {
  const rnd = seededRandom(20261206);
  const d = (n: number): string => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  const lines = ['氏名,電話番号,携帯電話,郵便番号,備考'];
  for (let i = 0; i < rows; i++) lines.push(`山田 太郎${i},03-${d(4)}-${d(4)},090-${d(4)}-${d(4)},${d(3)}-${d(4)},${rnd() < 0.3 ? `注文番号 ${d(7)}` : `TEL 06-${d(4)}-${d(4)}`}`);
  return lines.join('\n');
}

describe('contexts read by the gate, reused for cells', () => {
  it('give every candidate the confidence a fresh read gives', () => {
    const text = normalize(roster(300)).text;
    const table = tableOf(text, 'csv');
    expect(table).toBeDefined();
    const seg = { text, table, origin: { line: 1, column: 1 } } as Segment;
    const ctx: ScoreContext = { text, lineBounded: true, delimiter: ',', headerAt: (o) => table?.headers[columnIndexAt(text, o, ',')] };
    const candidates: Candidate[] = [];
    new TextDetector(text, rules, canReach(0.5, ctx)).until(Infinity, candidates);
    new TableCells(text, seg, rules).until(Infinity, candidates);
    const cells = candidates.filter((c) => c.column === true);
    const reused = cells.filter((c) => candidates.some((t) => t.context && t.type === c.type && t.start === c.start && t.end === c.end));
    expect(reused.length).toBeGreaterThan(500);

    const scored = scoreCandidates(candidates, ruleMap, ctx);
    const fresh = candidates.flatMap((c) => {
      const rule = ruleMap.get(c.type)!;
      const confidence = confidenceOf(c, rule, ctx, contextOf(c.start, c.end, rule, ctx));
      return confidence === undefined ? [] : [{ type: c.type, start: c.start, end: c.end, confidence }];
    });
    expect(scored.map(({ type, start, end, confidence }) => ({ type, start, end, confidence }))).toEqual(fresh);
  });
});
