import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadRealPostings } from '../src/evals/reading/reading-label.js';
import { type AnalysisMode, batchCosts, type LetterCost } from './measure-prompt-tokens.js';

/** What letters for the real-posting dev split cost, and how many of its postings are here to measure. */
export interface DevCallsMeasurement {
  readonly costs: readonly LetterCost[];
  /** Dev postings whose text is here (the unlicensed ones only after rebuild.py). */
  readonly present: number;
  readonly labelled: number;
}

/**
 * Calls and tokens per letter over the real-posting dev split (datasets/real-postings, never its holdout), first draft
 * kept, through the real CLI against the fake server: how often `--analysis auto` spares the analysis call on text
 * nobody here wrote.
 */
export async function measureDevCalls(options: {
  readonly realPostings: string;
  readonly profile: string;
  readonly work: string;
  readonly cliMain: string;
  readonly analysis: AnalysisMode;
}): Promise<DevCallsMeasurement> {
  const { cases, missing } = await loadRealPostings(options.realPostings);
  const dev = cases.filter((item) => item.label.split === 'dev');
  const folder = join(options.work, `dev-postings-${options.analysis}`);
  await mkdir(folder, { recursive: true });
  const words = new Map<string, number>();
  for (const { label, text } of dev) {
    await writeFile(join(folder, `${label.id}.txt`), text);
    words.set(`${label.id}.txt`, text.split(/\s+/).filter(Boolean).length);
  }
  const { costs } = await batchCosts({
    folder,
    out: join(options.work, `dev-letters-${options.analysis}`),
    profile: options.profile,
    cliMain: options.cliMain,
    analysis: options.analysis,
    words,
  });
  return {
    costs,
    present: dev.length,
    labelled: dev.length + missing.filter((label) => label.split === 'dev').length,
  };
}
