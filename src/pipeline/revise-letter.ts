import { z } from 'zod';
import { critiqueScore } from '../critic/critique-letter.js';
import { type Critique, CritiqueSchema, type Finding } from '../critic/finding.js';
import { keepKnownFacts } from './draft-letter.js';
import type { DraftRequest, Engine, Metered } from './engine.js';
import { type Draft, DraftSchema } from './engine.js';
import { type Usage, UsageSchema } from './usage.js';

/** One draft and what the critic said of it. */
export const AttemptSchema = z.object({
  /** 1 for the first draft. */
  attempt: z.number().int().min(1),
  draft: DraftSchema,
  critique: CritiqueSchema,
  usage: UsageSchema,
  durationMs: z.number().min(0),
});
export type Attempt = z.infer<typeof AttemptSchema>;

export const LetterStatusSchema = z.enum(['passed', 'passed-after-revision', 'failed']);
export type LetterStatus = z.infer<typeof LetterStatusSchema>;

export interface ReviseDeps {
  readonly engine: Engine;
  /** The critic, bound to the posting, profile and industry of this letter. */
  readonly critique: (letter: string) => Critique;
  readonly maxAttempts: number;
  readonly signal?: AbortSignal | undefined;
  readonly now?: () => number;
}

/**
 * Why revising stopped before the attempts ran out, when it did: the next revision would have sent the engine the same
 * letter and the same findings as an earlier one (the model gave back a letter it had already written), so it could
 * only get the same answer again.
 */
export const RevisionStopSchema = z.object({
  reason: z.literal('repeated-request'),
  /** The attempt that was not made. */
  attempt: z.number().int().min(2),
  /** The earlier attempt whose request it would have repeated. */
  sameAs: z.number().int().min(2),
});
export type RevisionStop = z.infer<typeof RevisionStopSchema>;

export interface RevisionOutcome {
  readonly best: Attempt;
  readonly status: LetterStatus;
  readonly attempts: readonly Attempt[];
  readonly stopped?: RevisionStop | undefined;
}

/** What decides a revision request besides the draft request: the letter to revise and the findings to fix. */
function revisionKey(previous: Draft, findings: readonly Finding[]): string {
  return JSON.stringify([
    previous.letter,
    previous.usedFactIds,
    findings.map((finding) => [finding.ruleId, finding.message, finding.evidence?.text ?? null]),
  ]);
}

function isBetter(candidate: Critique, current: Critique): boolean {
  const [candidateErrors, candidateWarnings] = critiqueScore(candidate);
  const [currentErrors, currentWarnings] = critiqueScore(current);
  return (
    candidateErrors < currentErrors ||
    (candidateErrors === currentErrors && candidateWarnings < currentWarnings)
  );
}

/**
 * Stage 5. Critiques the first draft and asks the engine for revisions while error-level findings remain and
 * attempts are left. Warnings alone earn at most one revision; findings only the profile can fix earn none; a
 * revision that would repeat an earlier request (same letter, same findings) is not sent, and the outcome says so. The
 * critic, never the model, is the gate. Returns the best attempt (fewest errors, then warnings; the earliest on a tie)
 * and every attempt.
 */
export async function reviseUntilPassing(
  request: DraftRequest,
  first: Metered<Draft>,
  firstDurationMs: number,
  deps: ReviseDeps,
): Promise<RevisionOutcome> {
  const now = deps.now ?? (() => performance.now());
  const attempts: Attempt[] = [
    {
      attempt: 1,
      draft: first.value,
      critique: deps.critique(first.value.letter),
      usage: first.usage,
      durationMs: firstDurationMs,
    },
  ];
  let best = attempts[0] as Attempt;
  let warningRevisions = 0;
  let stopped: RevisionStop | undefined;
  const requested = new Map<string, number>();
  while (attempts.length < deps.maxAttempts) {
    const last = attempts[attempts.length - 1] as Attempt;
    // What only the profile can fix is never sent back: a revision could meet it only by inventing a claim.
    const fixable = last.critique.findings.filter((finding) => finding.needsProfile !== true);
    const errors = fixable.filter((finding) => finding.severity === 'error');
    const warnings = fixable.filter((finding) => finding.severity === 'warning');
    let toFix = errors;
    if (errors.length === 0) {
      if (warnings.length === 0 || warningRevisions >= 1) break;
      warningRevisions++;
      toFix = warnings;
    }
    const key = revisionKey(last.draft, toFix);
    const sameAs = requested.get(key);
    if (sameAs !== undefined) {
      stopped = { reason: 'repeated-request', attempt: attempts.length + 1, sameAs };
      break;
    }
    requested.set(key, attempts.length + 1);
    deps.signal?.throwIfAborted();
    const started = now();
    const revised = await deps.engine.reviseLetter(
      { ...request, previous: last.draft, findings: toFix, attempt: attempts.length + 1 },
      { signal: deps.signal },
    );
    const draft = keepKnownFacts(DraftSchema.parse(revised.value), request);
    const attempt: Attempt = {
      attempt: attempts.length + 1,
      draft,
      critique: deps.critique(draft.letter),
      usage: revised.usage,
      durationMs: now() - started,
    };
    attempts.push(attempt);
    if (isBetter(attempt.critique, best.critique)) best = attempt;
  }
  const status: LetterStatus = !best.critique.passed
    ? 'failed'
    : best.attempt === 1
      ? 'passed'
      : 'passed-after-revision';
  return { best, status, attempts, ...(stopped === undefined ? {} : { stopped }) };
}

export function attemptsUsage(attempts: readonly Attempt[]): Usage[] {
  return attempts.map((attempt) => attempt.usage);
}
