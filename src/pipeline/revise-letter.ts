import { z } from 'zod';
import { critiqueScore } from '../critic/critique-letter.js';
import { type Critique, CritiqueSchema } from '../critic/finding.js';
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

export interface RevisionOutcome {
  readonly best: Attempt;
  readonly status: LetterStatus;
  readonly attempts: readonly Attempt[];
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
 * attempts are left. Warnings alone earn at most one revision; findings only the profile can fix earn none. The critic, never the model, is the gate. Returns the
 * best attempt (fewest errors, then warnings; the earliest on a tie) and every attempt.
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
  return { best, status, attempts };
}

export function attemptsUsage(attempts: readonly Attempt[]): Usage[] {
  return attempts.map((attempt) => attempt.usage);
}
