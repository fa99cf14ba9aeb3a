import { normaliseText } from '../text/normalise-text.js';
import { type Draft, type DraftRequest, type DraftResult, DraftSchema, type Engine } from './engine.js';

export interface DraftDeps {
  readonly engine: Engine;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Cited ids the profile does not hold are dropped: the report must not point at facts that do not exist. The letter
 * loses invisible and control characters, so the critic checks exactly what a reader will see (a model steered by a
 * posting could otherwise split "ORCA-19" with a zero-width space to slip it past a rule).
 */
export function keepKnownFacts(draft: Draft, request: DraftRequest): Draft {
  const known = new Set(
    [...request.profile.achievements, ...request.profile.projects].map((fact) => fact.id),
  );
  const letter = normaliseText(draft.letter).trim();
  return { letter, usedFactIds: [...new Set(draft.usedFactIds)].filter((id) => known.has(id)) };
}

/** Stage 3: the first draft, from the profile, with the industry's playbook. */
export async function draftLetter(request: DraftRequest, deps: DraftDeps): Promise<DraftResult> {
  const result = await deps.engine.draftLetter(request, { signal: deps.signal });
  return {
    value: keepKnownFacts(DraftSchema.parse(result.value), request),
    usage: result.usage,
    ...(result.sent === undefined ? {} : { sent: result.sent }),
  };
}
