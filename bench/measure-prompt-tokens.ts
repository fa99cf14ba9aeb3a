import { spawn } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BatchSummary } from '../src/batch/batch-summary.js';
import { startFakeOpenAiServer } from './fake-openai-server.js';
import { longBenchPosting } from './generate-postings.js';

/** Calls and tokens of one letter, from the batch summary's row. */
export interface LetterCost {
  readonly posting: string;
  readonly words: number;
  readonly calls: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
}

export interface PromptTokenMeasurement {
  /** One per example posting. */
  readonly examples: readonly LetterCost[];
  readonly long: LetterCost;
  /** Mean prompt tokens of one call, per response schema (analysis, letter), over every letter. */
  readonly promptTokensPerCall: Record<string, number>;
}

/** Who reads the posting (`--analysis`): `auto` is lede's default, `model` makes every letter pay for the analysis. */
export type AnalysisMode = 'auto' | 'model';

/** Runs `lede batch --engine openai --max-attempts 1` over a folder against a fresh fake server. */
export async function batchCosts(options: {
  readonly folder: string;
  readonly out: string;
  readonly profile: string;
  readonly cliMain: string;
  readonly analysis: AnalysisMode;
  readonly words: ReadonlyMap<string, number>;
}): Promise<{ costs: LetterCost[]; promptTokensPerCall: Record<string, number> }> {
  const server = await startFakeOpenAiServer({});
  try {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (!key.startsWith('OPENAI_') && !key.startsWith('LEDE_')) env[key] = value;
    }
    env.OPENAI_BASE_URL = server.url;
    env.OPENAI_API_KEY = 'test-key-not-real';
    const args = [
      options.cliMain,
      'batch',
      options.folder,
      '--profile',
      options.profile,
      '--out',
      options.out,
      '--engine',
      'openai',
      '--model',
      'gpt-4o-mini',
      '--analysis',
      options.analysis,
      '--max-attempts',
      '1',
      '--cache',
      'off',
      '--quiet',
      '--json',
    ];
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
    // 2 is also a batch with a posting lede refused (the dev split holds one in German): the summary says which.
    const summaryText = await readFile(join(options.out, 'summary.json'), 'utf8').catch(() => undefined);
    if (summaryText === undefined || (exitCode !== 0 && exitCode !== 1 && exitCode !== 2))
      throw new Error(`lede batch exited ${exitCode}:\n${stderr.slice(0, 2000)}`);
    const summary = JSON.parse(summaryText) as BatchSummary;
    // A posting lede refused (not English, too short) wrote no letter and cost nothing: it is no letter's cost.
    const costs = summary.rows
      .filter((row) => row.usage.calls > 0)
      .map(
        (row): LetterCost => ({
          posting: row.posting,
          words: options.words.get(row.posting) ?? 0,
          calls: row.usage.calls,
          promptTokens: row.usage.promptTokens,
          completionTokens: row.usage.completionTokens,
        }),
      );
    const promptTokensPerCall = Object.fromEntries(
      Object.entries(server.stats.promptTokensBySchema).map(([schema, total]) => [
        schema,
        total / Math.max(1, server.stats.bySchema[schema] ?? 0),
      ]),
    );
    return { costs, promptTokensPerCall };
  } finally {
    await server.close();
  }
}

const tokens = (cost: LetterCost): number => cost.promptTokens + cost.completionTokens;

export function meanTokens(costs: readonly LetterCost[]): number {
  return costs.reduce((sum, cost) => sum + tokens(cost), 0) / Math.max(1, costs.length);
}

export function meanCalls(costs: readonly LetterCost[]): number {
  return costs.reduce((sum, cost) => sum + cost.calls, 0) / Math.max(1, costs.length);
}

/**
 * What a letter costs in calls and tokens when the first draft is kept (`--max-attempts 1`): the real CLI's
 * `lede batch --engine openai` over the example postings and one 7,800-word posting, against the local fake server,
 * which counts a token per four characters of what it is sent.
 */
export async function measurePromptTokens(options: {
  readonly examples: string;
  readonly profile: string;
  readonly work: string;
  readonly cliMain: string;
  readonly analysis: AnalysisMode;
}): Promise<PromptTokenMeasurement> {
  const folder = join(options.work, `token-postings-${options.analysis}`);
  await mkdir(folder, { recursive: true });
  const words = new Map<string, number>();
  for (const name of (await readdir(options.examples)).sort()) {
    await copyFile(join(options.examples, name), join(folder, name));
    words.set(name, (await readFile(join(folder, name), 'utf8')).split(/\s+/).filter(Boolean).length);
  }
  const long = longBenchPosting();
  await writeFile(join(folder, 'zz-long-posting.txt'), long);
  words.set('zz-long-posting.txt', long.split(/\s+/).filter(Boolean).length);

  const { costs, promptTokensPerCall } = await batchCosts({
    folder,
    out: join(options.work, `token-letters-${options.analysis}`),
    profile: options.profile,
    cliMain: options.cliMain,
    analysis: options.analysis,
    words,
  });
  const longCost = costs.find((cost) => cost.posting === 'zz-long-posting.txt');
  if (longCost === undefined) throw new Error('the long posting has no row in the batch summary');
  return { examples: costs.filter((cost) => cost !== longCost), long: longCost, promptTokensPerCall };
}
