import PQueue from 'p-queue';
import type { Rule } from '../critic/rule.js';
import { LedeError } from '../errors.js';
import type { Engine } from '../pipeline/engine.js';
import { type PipelineOptions, type PipelineResult, runPipeline } from '../pipeline/run-pipeline.js';
import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import type { EvalCase } from './dataset.js';

/** One run of the pipeline on one case: its result, or the error that stopped it. */
export interface CaseRun {
  /** 0 for the first run; `--repeat N` gives 0..N-1. */
  readonly repeat: number;
  readonly result: PipelineResult | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

export interface CaseOutcome {
  readonly evalCase: EvalCase;
  readonly runs: readonly CaseRun[];
}

export interface RunEvalsDeps {
  /** The engine for one repeat: live engines keep repeats apart in the response cache; offline ignores it. */
  readonly engineFor: (repeat: number) => Engine;
  readonly playbooks: PlaybookSet;
  /** The critic's rules; all of them by default. */
  readonly rules?: readonly Rule[] | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly now?: () => number;
  /** Told after each finished run, for a progress line. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface RunEvalsOptions {
  readonly pipeline: PipelineOptions;
  /** Runs per case (`--repeat`), for pass^N on live models. */
  readonly repeat: number;
  /** Runs in flight at once; 1 keeps the offline engine's timings clean, live endpoints like a few. */
  readonly concurrency: number;
}

function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof LedeError) return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Runs the whole pipeline for every case (and every repeat). A case that throws is recorded with its error and the
 * run goes on, so one broken posting cannot hide the scores of the rest; an abort stops everything.
 */
export async function runEvals(
  cases: readonly EvalCase[],
  deps: RunEvalsDeps,
  options: RunEvalsOptions,
): Promise<CaseOutcome[]> {
  const engines = Array.from({ length: options.repeat }, (_, repeat) => deps.engineFor(repeat));
  const queue = new PQueue({ concurrency: Math.max(1, options.concurrency) });
  const total = cases.length * options.repeat;
  let done = 0;
  const runs: CaseRun[][] = cases.map(() => []);
  const tasks: Promise<void>[] = [];
  cases.forEach((evalCase, caseIndex) => {
    engines.forEach((engine, repeat) => {
      tasks.push(
        queue.add(async () => {
          deps.signal?.throwIfAborted();
          let run: CaseRun;
          try {
            const result = await runPipeline(
              evalCase.posting,
              evalCase.profile,
              {
                engine,
                playbooks: deps.playbooks,
                signal: deps.signal,
                rules: deps.rules,
                ...(deps.now === undefined ? {} : { now: deps.now }),
              },
              options.pipeline,
            );
            run = { repeat, result, error: null };
          } catch (error) {
            if (deps.signal?.aborted === true) throw error;
            run = { repeat, result: null, error: describeError(error) };
          }
          (runs[caseIndex] as CaseRun[])[repeat] = run;
          done++;
          deps.onProgress?.(done, total);
        }),
      );
    });
  });
  await Promise.all(tasks);
  return cases.map((evalCase, caseIndex) => ({ evalCase, runs: runs[caseIndex] as CaseRun[] }));
}
