import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InputError, OutputError } from '../errors.js';
import { describeIssues } from '../input/describe-issues.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import type { ScoredCase } from './score-outcomes.js';
import type { Scorer } from './scorer.js';
import type { Summary } from './summarize-scores.js';

const score = z.number().nullable();

/** One engine and model's blessed scores: aggregates, and every case's scores so any subset can be compared. */
export const BaselineRunSchema = z
  .object({
    engine: z.string(),
    model: z.string(),
    repeat: z.number().int().min(1),
    aggregates: z.record(z.string(), score),
    cases: z.record(
      z.string(),
      z.object({ passed: z.boolean(), scores: z.record(z.string(), score) }).strict(),
    ),
  })
  .strict();
export type BaselineRun = z.infer<typeof BaselineRunSchema>;

/** `datasets/baseline.json`: one entry per engine and model ("offline", "openai:gpt-4o-mini"). */
export const BaselineSchema = z
  .object({ version: z.literal(1), runs: z.record(z.string(), BaselineRunSchema) })
  .strict();
export type Baseline = z.infer<typeof BaselineSchema>;

/** The baseline entry a run is compared with and blessed into. */
export function baselineKey(engine: string, model: string): string {
  return engine === 'offline' ? 'offline' : `${engine}:${model}`;
}

/** Four decimals: enough for any rate over a few hundred cases, and stable across machines. */
function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

export async function loadBaseline(path: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, runs: {} };
    throw new InputError('dataset.baseline-unreadable', `${path} cannot be read`, {
      file: path,
      cause: error,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      'dataset.baseline-invalid',
      `${path} is not valid JSON (${(error as Error).message})`,
      {
        file: path,
        hint: 'restore it from git, or rewrite it with `npm run eval -- --bless`',
        cause: error,
      },
    );
  }
  const parsed = BaselineSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = describeIssues(parsed.error.issues, data);
  throw new InputError(
    'dataset.baseline-invalid',
    `${path}: ${problems.map((problem) => problem.message).join('; ')}`,
    {
      file: path,
      field: problems[0]?.field,
      hint: 'restore it from git, or rewrite it with `npm run eval -- --bless`',
    },
  );
}

/** The baseline entry for this run's scores. */
export function baselineRun(
  engine: string,
  model: string,
  repeat: number,
  cases: readonly ScoredCase[],
  summary: Summary,
  scorers: readonly Scorer[],
): BaselineRun {
  return {
    engine,
    model,
    repeat,
    aggregates: Object.fromEntries(
      scorers.map((scorer) => [scorer.name, round(summary.aggregates[scorer.name]?.value ?? null)]),
    ),
    cases: Object.fromEntries(
      [...cases]
        .sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0))
        .map((item) => [
          item.id,
          {
            passed: item.passed,
            // Ungated scorers (wall time) keep only their aggregate: per-case noise would churn every bless.
            scores: Object.fromEntries(
              scorers
                .filter((scorer) => scorer.tolerance !== null)
                .map((scorer) => [scorer.name, round(item.scores[scorer.name] ?? null)]),
            ),
          },
        ]),
    ),
  };
}

/** Writes the baseline with this run's entry replaced (temp file, then rename). */
export async function blessBaseline(
  path: string,
  baseline: Baseline,
  key: string,
  run: BaselineRun,
): Promise<void> {
  const runs = Object.fromEntries(
    Object.entries({ ...baseline.runs, [key]: run }).sort(([left], [right]) => (left < right ? -1 : 1)),
  );
  await writeFileAtomic(path, `${JSON.stringify({ version: 1, runs }, null, 2)}\n`, {
    createFolder: true,
    toError: (error) =>
      new OutputError('output.baseline-write', `cannot write ${path}: ${(error as Error).message}`, {
        file: path,
        hint: 'check that the datasets folder is writable',
        cause: error,
      }),
  });
}
