import { describe, expect, it } from 'vitest';
import { percentages, resultRows } from '../index.ts';

describe('percentages', () => {
  it('always adds up to 100', () => {
    for (const counts of [[1, 1, 1], [2, 2, 2, 1], [1, 0], [7, 3, 5, 9, 11, 1], [999, 1], [1, 1, 1, 1, 1, 1, 1]]) {
      expect(percentages(counts).reduce((a, b) => a + b, 0)).toBe(100);
    }
  });

  it('gives the remainder to the largest fractions, earlier first on ties', () => {
    expect(percentages([1, 1, 1])).toEqual([34, 33, 33]);
    expect(percentages([1, 2])).toEqual([33, 67]);
    expect(percentages([0, 0])).toEqual([0, 0]);
  });

  it('stays 100 for random inputs', () => {
    for (let i = 0; i < 500; i++) {
      const counts = Array.from({ length: 2 + (i % 9) }, () => Math.floor(Math.random() * 50));
      const sum = percentages(counts).reduce((a, b) => a + b, 0);
      expect(sum).toBe(counts.some((c) => c > 0) ? 100 : 0);
    }
  });
});

describe('resultRows', () => {
  it('marks mine and leading, ignores unknown ids', () => {
    const rows = resultRows(
      [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }],
      { counts: { a: 3, b: 1, ghost: 40 }, voters: 4, mine: ['b'] },
    );
    expect(rows).toEqual([
      { id: 'a', label: 'A', count: 3, percent: 75, mine: false, leading: true },
      { id: 'b', label: 'B', count: 1, percent: 25, mine: true, leading: false },
    ]);
  });

  it('counts an option named like an object property as 0 when nobody chose it, not NaN', () => {
    // counts as they come from JSON: a plain object, whose prototype has `constructor` and `toString`
    const rows = resultRows([{ id: 'constructor', label: 'C' }, { id: 'toString', label: 'T' }, { id: 'a', label: 'A' }], JSON.parse('{"counts":{"a":2},"voters":2,"mine":[]}'));
    expect(rows.map((r) => [r.count, r.percent])).toEqual([[0, 0], [0, 0], [2, 100]]);
  });
});
