import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/critic/rule.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { loadPlaybooks } from '../../src/playbooks/load-playbooks.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import { createFakeEngine } from '../support/fake-engine.js';

const posting = {
  source: 'acme.txt',
  text: 'Acme Cloud is hiring a Machine Learning Engineer to scale the Atlas ranking service to every customer.',
};

/** One rule for the composition tests: the letter must not contain "TODO". */
const noTodo: Rule = {
  id: 'no-todo',
  industries: 'all',
  severity: 'error',
  requires: [],
  description: 'no TODO',
  why: 'test rule',
  examples: { pass: { letter: 'done' }, fail: { letter: 'TODO' } },
  repair: 'drop-sentence',
  check(letter) {
    const at = letter.text.indexOf('TODO');
    return at === -1
      ? []
      : [
          {
            ruleId: 'no-todo',
            severity: 'error',
            message: 'Remove TODO',
            evidence: { text: 'TODO', start: at, end: at + 4 },
          },
        ];
  },
};

describe('runPipeline', () => {
  it('runs classify, extract, draft and revise in order and returns the best attempt with summed usage', async () => {
    const usage = { calls: 1, promptTokens: 100, completionTokens: 20, cachedCalls: 0 };
    const engine = createFakeEngine({
      letters: ['Dear team,\n\nTODO\n\nBest,\nPriya', 'Dear team,\n\nDone.\n\nBest,\nPriya'],
      usedFactIds: ['realtime-serving', 'not-in-profile'],
      usage,
    });
    let clock = 0;
    const result = await runPipeline(
      posting,
      await loadProfile('examples/profiles/experienced-mle.yaml'),
      { engine, playbooks: await loadPlaybooks(), rules: [noTodo], now: () => (clock += 10) },
      { maxAttempts: 3, maxWords: 250 },
    );
    expect(engine.calls.map((call) => call.stage)).toEqual(['analyze', 'draft', 'revise']);
    expect(result.status).toBe('passed-after-revision');
    expect(result.letter).toBe('Dear team,\n\nDone.\n\nBest,\nPriya');
    expect(result.usedFactIds).toEqual(['realtime-serving']);
    expect(result.attempts.map((attempt) => attempt.critique.passed)).toEqual([false, true]);
    expect(result.usage).toEqual({ calls: 3, promptTokens: 300, completionTokens: 60, cachedCalls: 0 });
    expect(result.timings.totalMs).toBeGreaterThan(0);
    expect(engine.calls[1]?.request?.playbook.industry).toBe('tech');
  });

  it('puts a forced industry over the reading, and drafts with that playbook', async () => {
    const engine = createFakeEngine({ letters: ['Dear team,\n\nDone.\n\nBest,\nPriya'] });
    const result = await runPipeline(
      posting,
      await loadProfile('examples/profiles/experienced-mle.yaml'),
      { engine, playbooks: await loadPlaybooks(), rules: [noTodo] },
      { maxAttempts: 3, maxWords: 250, overrides: { industry: 'retail' } },
    );
    expect(engine.calls.map((call) => call.stage)).toEqual(['analyze', 'draft']);
    expect(result.industry).toEqual({ industry: 'retail', confidence: 1, signals: ['--industry'] });
    expect(engine.calls[1]?.request?.playbook.industry).toBe('retail');
    expect(result.status).toBe('passed');
  });

  it('records the claims of the final letter, each with the profile field behind it', async () => {
    const letter = 'Dear team,\n\nAt Streamline, I cut inference latency by 40% with Redis.\n\nBest,\nPriya';
    const engine = createFakeEngine({ letters: [letter], usedFactIds: ['realtime-serving'] });
    const result = await runPipeline(
      posting,
      await loadProfile('examples/profiles/experienced-mle.yaml'),
      { engine, playbooks: await loadPlaybooks(), rules: [noTodo] },
      { maxAttempts: 3, maxWords: 250 },
    );
    expect(
      result.claims?.map((claim) => [
        claim.kind,
        claim.text,
        claim.source?.from === 'profile' && claim.source.field,
      ]),
    ).toEqual([
      ['employer', 'Streamline', 'achievements[0].employer'],
      ['number', '40%', 'achievements[0].metrics[0]'],
      ['tool', 'Redis', 'achievements[0].tools[0]'],
    ]);
  });
});

describe('runPipeline and the engine sharing one critic', () => {
  it('hands the engine the pipeline critic, whose verdict on a letter is computed once and reused', async () => {
    const letter = 'Dear team,\n\nTODO\n\nBest,\nPriya';
    const engine = createFakeEngine({ letters: [letter] });
    const result = await runPipeline(
      posting,
      await loadProfile('examples/profiles/experienced-mle.yaml'),
      { engine, playbooks: await loadPlaybooks(), rules: [noTodo] },
      { maxAttempts: 1, maxWords: 250 },
    );
    const critique = engine.calls[1]?.request?.critique;
    expect(critique?.(letter)).toBe(result.attempts[0]?.critique);
    expect(critique?.(letter).findings.map((finding) => finding.ruleId)).toEqual(['no-todo']);
  });
});
