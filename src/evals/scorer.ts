import type { PipelineResult } from '../pipeline/run-pipeline.js';
import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import type { EvalCase } from './dataset.js';

/** What a scorer may look at besides the case and the pipeline's result. */
export interface ScorerContext {
  readonly playbooks: PlaybookSet;
}

/** How far an aggregate may move the wrong way before the run fails; null never fails (wall time is too noisy). */
export interface Tolerance {
  /** In the scorer's own units: 0.02 for a rate is two points. */
  readonly absolute?: number;
  /** A fraction of the baseline: 0.1 is 10%. The larger of the two allowances applies. */
  readonly relative?: number;
}

/**
 * One thing the eval measures, in evalite's `createScorer` shape. A `rate` scores each case from 0 to 1 (higher is
 * better) and its aggregate is the mean; a `measure` reports a raw per-letter number (words, attempts, tokens,
 * milliseconds) whose aggregate is the mean too. `score` returns null when the case says nothing about it (no hook
 * to ground), and such cases are left out of the mean.
 */
export interface Scorer {
  readonly name: string;
  readonly description: string;
  readonly kind: 'rate' | 'measure';
  /** Which way is better; `stable` for a measure that should not move either way (letter length). */
  readonly better: 'higher' | 'lower' | 'stable';
  /** For measures: "words", "ms", ... */
  readonly unit: string;
  readonly tolerance: Tolerance | null;
  /**
   * True for pass/fail scorers (each case scores 0 or 1): a case that scored 1 in the baseline and less now is a flip
   * from pass to fail, and fails the run by itself.
   */
  readonly binary: boolean;
  score(evalCase: EvalCase, result: PipelineResult, context: ScorerContext): number | null;
}

export type ScorerSpec = Pick<Scorer, 'name' | 'description' | 'score'> &
  Partial<Omit<Scorer, 'name' | 'description' | 'score'>>;

/** A scorer with the defaults of a pass/fail rate: higher is better, two points of tolerance. */
export function createScorer(spec: ScorerSpec): Scorer {
  const kind = spec.kind ?? 'rate';
  return {
    kind,
    better: spec.better ?? 'higher',
    unit: spec.unit ?? (kind === 'rate' ? 'rate' : ''),
    tolerance: spec.tolerance === undefined ? { absolute: 0.02 } : spec.tolerance,
    binary: spec.binary ?? kind === 'rate',
    ...spec,
  } as Scorer;
}

/** Lowercase, straight quotes, single spaces, `&` as "and", no legal suffix: "Thread & Tailor, Inc." = "thread and tailor". */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/,?\s+(inc|llc|ltd|n\.a|corp|co)\.?$/g, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}'+#]+/gu, ' ')
    .trim();
}
