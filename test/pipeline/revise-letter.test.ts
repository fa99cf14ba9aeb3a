import { describe, expect, it } from 'vitest';
import type { Critique, Finding } from '../../src/critic/finding.js';
import type { DraftRequest, RevisionRequest } from '../../src/pipeline/engine.js';
import { reviseUntilPassing } from '../../src/pipeline/revise-letter.js';
import { createFakeEngine } from '../support/fake-engine.js';

const usage = { calls: 1, promptTokens: 10, completionTokens: 5, cachedCalls: 0 };

function finding(ruleId: string, severity: 'error' | 'warning'): Finding {
  return { ruleId, severity, message: `fix ${ruleId}`, evidence: null };
}

/**
 * A critic that reads the verdict out of the letter text: "E2 W1" = two errors, one warning; "P1" adds one error only
 * the profile can fix.
 */
function critique(letter: string): Critique {
  const errors = Number(/E(\d)/.exec(letter)?.[1] ?? 0);
  const warnings = Number(/W(\d)/.exec(letter)?.[1] ?? 0);
  const profileGaps = Number(/P(\d)/.exec(letter)?.[1] ?? 0);
  const findings = [
    ...Array.from({ length: errors }, (_, index) => finding(`error-${index}`, 'error')),
    ...Array.from({ length: profileGaps }, (_, index) => ({
      ...finding(`profile-${index}`, 'error'),
      needsProfile: true,
    })),
    ...Array.from({ length: warnings }, (_, index) => finding(`warning-${index}`, 'warning')),
  ];
  return { passed: errors + profileGaps === 0, industry: 'tech', findings, skipped: [], checked: [] };
}

const request = {
  profile: { achievements: [], projects: [] },
} as unknown as DraftRequest;

async function run(letters: string[], maxAttempts = 3) {
  const engine = createFakeEngine({ letters: letters.slice(1), usage });
  const outcome = await reviseUntilPassing(
    request,
    { value: { letter: letters[0] ?? '', usedFactIds: [] }, usage },
    1,
    { engine, critique, maxAttempts, now: () => 0 },
  );
  return { outcome, engine };
}

describe('reviseUntilPassing', () => {
  it('stops at once when the first draft passes cleanly', async () => {
    const { outcome, engine } = await run(['E0 W0']);
    expect(outcome.status).toBe('passed');
    expect(outcome.attempts).toHaveLength(1);
    expect(engine.calls).toEqual([]);
  });

  it('revises on errors, sending only the failed findings, until the critic passes', async () => {
    const { outcome, engine } = await run(['E2 W1', 'E0 W0']);
    expect(outcome.status).toBe('passed-after-revision');
    expect(outcome.best.attempt).toBe(2);
    const revision = engine.calls[0]?.request as RevisionRequest;
    expect(revision.findings.map((item) => item.ruleId)).toEqual(['error-0', 'error-1']);
    expect(revision.attempt).toBe(2);
    expect(revision.previous.letter).toBe('E2 W1');
  });

  it('never asks for a revision of what only the profile can fix, and never sends it along', async () => {
    const stuck = await run(['E0 P1 W0', 'E0 P0 W0']);
    expect(stuck.engine.calls).toEqual([]);
    expect(stuck.outcome.status).toBe('failed');
    expect(stuck.outcome.attempts).toHaveLength(1);

    const mixed = await run(['E1 P1 W0', 'E0 P1 W0']);
    const revision = mixed.engine.calls[0]?.request as RevisionRequest;
    expect(revision.findings.map((item) => item.ruleId)).toEqual(['error-0']);
    expect(mixed.engine.calls).toHaveLength(1);
    expect(mixed.outcome.best.attempt).toBe(2);
    expect(mixed.outcome.status).toBe('failed');
  });

  it('gives warnings at most one revision', async () => {
    const { outcome, engine } = await run(['E0 W2', 'E0 W1', 'E0 W0'], 5);
    expect(engine.calls).toHaveLength(1);
    expect(outcome.attempts.map((attempt) => attempt.critique.findings.length)).toEqual([2, 1]);
    expect(outcome.status).toBe('passed-after-revision');
  });

  it('keeps the best attempt when revisions get worse, and fails when errors remain', async () => {
    const { outcome } = await run(['E1 W0', 'E3 W0', 'E2 W0']);
    expect(outcome.attempts).toHaveLength(3);
    expect(outcome.best.attempt).toBe(1);
    expect(outcome.status).toBe('failed');
  });

  it('prefers fewer warnings among attempts with equal errors', async () => {
    const { outcome } = await run(['E1 W3', 'E1 W1', 'E1 W2']);
    expect(outcome.best.attempt).toBe(2);
  });

  it('never exceeds max attempts and counts usage per attempt', async () => {
    const { outcome } = await run(['E1', 'E1', 'E1', 'E1', 'E1'], 2);
    expect(outcome.attempts).toHaveLength(2);
    expect(outcome.attempts.map((attempt) => attempt.usage)).toEqual([usage, usage]);
  });

  it('never sends a revision that repeats an earlier request: the same letter back means the same findings again', async () => {
    const { outcome, engine } = await run(['E1 first', 'E1 second', 'E1 second', 'E0'], 5);
    // Attempt 3 was asked to fix "E1 second"; asking again with the same letter and findings cannot help.
    expect(engine.calls.map((call) => (call.request as RevisionRequest).previous.letter)).toEqual([
      'E1 first',
      'E1 second',
    ]);
    expect(outcome.attempts.map((attempt) => attempt.draft.letter)).toEqual([
      'E1 first',
      'E1 second',
      'E1 second',
    ]);
    expect(outcome.stopped).toEqual({ reason: 'repeated-request', attempt: 4, sameAs: 3 });
    expect(outcome.status).toBe('failed');
  });

  it('stops too when a revision gives back the first draft unchanged', async () => {
    const { outcome, engine } = await run(['E1 same', 'E1 same', 'E0'], 5);
    expect(engine.calls).toHaveLength(1);
    expect(outcome.stopped).toEqual({ reason: 'repeated-request', attempt: 3, sameAs: 2 });
  });

  it('says nothing of a stop when revising ran its course', async () => {
    const { outcome } = await run(['E1', 'E1 b', 'E1 c'], 3);
    expect(outcome.attempts).toHaveLength(3);
    expect(outcome.stopped).toBeUndefined();
  });

  it('stops when aborted between attempts', async () => {
    const controller = new AbortController();
    controller.abort();
    const engine = createFakeEngine({ letters: ['E0'] });
    await expect(
      reviseUntilPassing(request, { value: { letter: 'E1', usedFactIds: [] }, usage }, 1, {
        engine,
        critique,
        maxAttempts: 3,
        signal: controller.signal,
      }),
    ).rejects.toThrow();
    expect(engine.calls).toEqual([]);
  });
});
