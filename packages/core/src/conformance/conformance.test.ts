import { describe, expect, it } from 'vitest';
import { ideaRules, localAdapter, memoryAdapter, memoryStorage, quizRules, type KoloAdapter } from '../index.ts';
import { ruleCases, runRuleCase } from './index.ts';

// the same table runs against the server over HTTP on PGlite and PostgreSQL (packages/server)
const adapters: [string, () => KoloAdapter][] = [
  ['memoryAdapter', () => memoryAdapter({ rules: [ideaRules, quizRules] })],
  ['localAdapter', () => localAdapter({ storage: memoryStorage(), rules: [ideaRules, quizRules] })],
];

describe.each(adapters)('rule cases on the %s', (_name, make) => {
  it.each(ruleCases('case').map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const adapter = make();
    expect(await runRuleCase((a) => adapter.send(a), c)).toEqual([]);
  });
});

describe('the rule-case runner', () => {
  it('reports a wrong decision (a test that can fail)', async () => {
    const [first] = ruleCases('fail');
    const lenient = memoryAdapter();
    expect(await runRuleCase((a) => lenient.send(a), { ...first!, then: { refused: 'closed' } })).toEqual(['accepted, expected to be refused with "closed"']);
    expect(await runRuleCase((a) => lenient.send(a), { ...first!, then: { view: { voters: 5 } } })).toEqual(['voters 1, expected 5']);
  });
});
