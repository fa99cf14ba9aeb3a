import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Environment } from '../config/early-environment.js';
import { resolveConfig } from '../config/resolve-config.js';
import { critiqueLetter } from '../critic/critique-letter.js';
import type { Rule } from '../critic/rule.js';
import { createOfflineEngine } from '../engines/offline/offline-engine.js';
import { ConfigError, OutputError } from '../errors.js';
import { packageRoot } from '../package-root.js';
import { analyzePosting } from '../pipeline/analyze-posting.js';
import { criticContextFor } from '../pipeline/critic-context.js';
import type { Engine } from '../pipeline/engine.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { loadPlaybooks, playbookFor } from '../playbooks/load-playbooks.js';
import { loadProfile } from '../profile/load-profile.js';
import type { Profile } from '../profile/profile-schema.js';
import { baselineKey, baselineRun, blessBaseline, loadBaseline } from './baseline.js';
import { compareWithBaseline } from './compare-baseline.js';
import { createEvalEngines } from './create-eval-engines.js';
import { evalDrafting } from './drafting/eval-drafting.js';
import { filterCases } from './filter-cases.js';
import { evalLetters } from './letters/eval-letters.js';
import { loadDataset } from './load-dataset.js';
import { evalReading } from './reading/eval-reading.js';
import { renderReport } from './render-report.js';
import { renderTable } from './render-table.js';
import { runEvals } from './run-evals.js';
import { scoreOutcomes } from './score-outcomes.js';
import { scorers } from './scorers/index.js';
import { summarize } from './summarize-scores.js';

/** Where the eval writes and reads, and what it may use instead of building engines (tests). */
export interface EvalContext {
  readonly io: {
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
    /** True when stderr is a terminal: a live progress line; false in CI and tests. */
    readonly isTty?: boolean | undefined;
  };
  readonly env: Environment;
  readonly cwd: string;
  readonly signal?: AbortSignal | undefined;
  /** Replaces the engines the flags ask for (tests inject fakes here). */
  readonly engineFor?: ((repeat: number) => Engine) | undefined;
  readonly now?: (() => number) | undefined;
  /** Replaces the critic's rules (tests). */
  readonly rules?: readonly Rule[] | undefined;
}

/** `lede eval`'s flags, as commander parses them (`src/cli/commands/eval.ts` declares them). */
export interface EvalFlags {
  readonly engine: 'offline' | 'openai';
  readonly model?: string;
  readonly baseUrl?: string;
  readonly temperature?: string;
  readonly analysis?: string;
  readonly jsonMode?: string;
  readonly timeoutMs?: string;
  readonly maxRetries?: string;
  readonly cache: string;
  readonly cassettes?: string;
  readonly repeat: string;
  readonly concurrency?: string;
  readonly filter: string[];
  readonly json?: boolean;
  readonly bless?: boolean;
  readonly dataset: string;
  readonly baseline?: string;
  readonly against?: string;
  readonly out: string;
  readonly templates?: string;
  readonly maxAttempts?: string;
  readonly maxWords?: string;
  /** Score how lede reads real postings (datasets/real-postings) instead of the letters it writes. */
  readonly reading?: boolean;
  /** Score the critic's rules on real letters (datasets/real-letters) against hand labels instead. */
  readonly letters?: boolean;
  /** Score the offline drafter's letters for real postings with the example profiles (lead, variety, length). */
  readonly drafting?: boolean;
}

/** Only what picks and reaches the model comes from the environment: the eval's letters must not depend on a shell. */
const passedEnvironment = ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'LEDE_MODEL'] as const;

function wholeNumber(
  flag: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(
      'config.invalid',
      `${flag} must be a whole number from ${min} to ${max} (got "${raw}")`,
      {
        field: flag.replace(/^--/, ''),
        hint: `pass ${flag} with a whole number, or leave it out for the default`,
      },
    );
  }
  return value;
}

async function writeOutputs(folder: string, results: unknown, report: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'results.json'), `${JSON.stringify(results, null, 2)}\n`, 'utf8');
    await writeFile(join(folder, 'report.md'), report, 'utf8');
  } catch (error) {
    throw new OutputError(
      'output.eval-write',
      `cannot write the eval results to ${folder}: ${(error as Error).message}`,
      {
        file: folder,
        hint: 'check that the folder is writable, or pass --out <folder>',
        cause: error,
      },
    );
  }
}

/**
 * `lede eval` (`npm run eval`): runs the dataset through the pipeline, scores it, writes `eval-out/`, compares with
 * the baseline (or blesses it). True when nothing regressed and no case errored; the CLI turns false into exit 1.
 */
export async function runEval(flags: EvalFlags, context: EvalContext): Promise<boolean> {
  const { stdout, stderr } = context.io;
  const now = context.now ?? (() => performance.now());
  const started = now();
  const datasetFolder = resolve(context.cwd, flags.dataset);
  const env: Record<string, string | undefined> = {};
  for (const name of passedEnvironment) env[name] = context.env[name];
  const config = resolveConfig(
    {
      engine: flags.engine,
      model: flags.model,
      baseUrl: flags.baseUrl,
      temperature: flags.temperature,
      analysis: flags.analysis,
      jsonMode: flags.jsonMode,
      timeoutMs: flags.timeoutMs,
      maxRetries: flags.maxRetries,
      cache: flags.cache,
      cacheDir: flags.cassettes ?? join(datasetFolder, 'cassettes'),
      templates: flags.templates,
      maxAttempts: flags.maxAttempts,
      maxWords: flags.maxWords,
    },
    env,
    undefined,
    { cwd: context.cwd },
  );
  const repeat = wholeNumber('--repeat', flags.repeat, 1, 1, 100);
  const concurrency = wholeNumber(
    '--concurrency',
    flags.concurrency,
    config.engine === 'offline' ? 1 : 4,
    1,
    64,
  );
  if (flags.bless === true && flags.filter.length > 0) {
    throw new ConfigError(
      'config.bless-with-filter',
      '--bless writes the whole baseline and cannot be combined with --filter',
      {
        field: 'bless',
        hint: 'run `npm run eval -- --bless` without --filter',
      },
    );
  }

  const playbooks = await loadPlaybooks(config.templates);
  if (flags.letters === true) {
    // As a new user runs `lede check` on a letter of their own: no posting, no profile, the general playbook.
    const critic = criticContextFor({
      playbook: playbookFor(playbooks, 'general'),
      playbooks,
      posting: null,
      analysis: null,
      profile: null,
      maxWords: config.maxWords,
    });
    const result = await evalLetters(
      {
        folder: flags.dataset === 'datasets' ? join(datasetFolder, 'real-letters') : datasetFolder,
        out: resolve(context.cwd, flags.out),
        bless: flags.bless === true,
      },
      { critique: (text) => critiqueLetter(text, critic, context.rules) },
    );
    stdout(result.report);
    return result.regressions.length === 0;
  }
  if (flags.drafting === true) {
    const engine = createOfflineEngine();
    const names = ['experienced-mle', 'early-career', 'career-changer'];
    const loaded = await Promise.all(
      names.map((name) => loadProfile(join(packageRoot(), 'examples', 'profiles', `${name}.yaml`))),
    );
    const result = await evalDrafting(
      {
        folder: flags.dataset === 'datasets' ? join(datasetFolder, 'real-postings') : datasetFolder,
        bless: flags.bless === true,
        out: resolve(context.cwd, flags.out),
      },
      {
        profiles: new Map(names.map((name, index) => [name, loaded[index] as Profile])),
        common: playbooks.common,
        draft: (posting, profile) =>
          runPipeline(
            posting,
            profile,
            { engine, playbooks, signal: context.signal },
            {
              maxAttempts: config.maxAttempts,
              maxWords: config.maxWords,
              analysis: config.analysis,
            },
          ),
      },
    );
    stdout(result.report);
    return result.failures.length === 0;
  }
  if (flags.reading === true) {
    const engine = (
      context.engineFor ?? (await createEvalEngines(config, (message) => stderr(`lede eval: ${message}\n`)))
    )(0);
    const result = await evalReading(
      {
        folder: flags.dataset === 'datasets' ? join(datasetFolder, 'real-postings') : datasetFolder,
        out: resolve(context.cwd, flags.out),
        bless: flags.bless === true,
      },
      {
        playbooks,
        engine,
        analyze: (posting) =>
          analyzePosting(posting, { engine, playbooks, signal: context.signal, analysis: config.analysis }),
      },
    );
    stdout(result.report);
    return result.regressions.length === 0;
  }
  const dataset = await loadDataset(datasetFolder, { industries: [...playbooks.playbooks.keys()] });
  const cases = filterCases(dataset.cases, flags.filter);
  const engineFor =
    context.engineFor ?? (await createEvalEngines(config, (message) => stderr(`lede eval: ${message}\n`)));
  const probe = engineFor(0);
  stderr(
    `lede eval: ${cases.length} case(s) × ${repeat} run(s) with the ${probe.name} engine (${probe.model})\n`,
  );

  const outcomes = await runEvals(
    cases,
    {
      engineFor,
      playbooks,
      rules: context.rules,
      signal: context.signal,
      onProgress:
        context.io.isTty === true ? (done, total) => stderr(`\rlede eval: ${done}/${total} runs`) : undefined,
      ...(context.now === undefined ? {} : { now: context.now }),
    },
    {
      pipeline: { maxAttempts: config.maxAttempts, maxWords: config.maxWords, analysis: config.analysis },
      repeat,
      concurrency,
    },
  );
  if (context.io.isTty === true) stderr('\n');
  const scored = scoreOutcomes(outcomes, scorers, { playbooks });
  const summary = summarize(scored, scorers);
  const baselinePath =
    flags.baseline === undefined
      ? join(datasetFolder, 'baseline.json')
      : resolve(context.cwd, flags.baseline);
  const baseline = await loadBaseline(baselinePath);
  const key = baselineKey(probe.name, probe.model);
  const against = flags.against ?? key;
  if (flags.against !== undefined && baseline.runs[against] === undefined) {
    throw new ConfigError(
      'config.unknown-baseline',
      `--against ${against}: ${baselinePath} has no such entry`,
      {
        field: 'against',
        hint: `entries: ${Object.keys(baseline.runs).join(', ') || '(none yet)'}`,
      },
    );
  }
  const comparison = compareWithBaseline(scored, scorers, baseline.runs[against], against);
  const durationMs = now() - started;

  const results = {
    engine: probe.name,
    model: probe.model,
    repeat,
    filter: flags.filter,
    durationMs,
    passed: comparison.regressions.length === 0 && summary.errors === 0,
    summary,
    comparison,
    cases: scored,
  };
  const report = renderReport({
    engine: probe.name,
    model: probe.model,
    repeat,
    durationMs,
    cases: scored,
    summary,
    comparison,
    scorers,
  });
  const out = resolve(context.cwd, flags.out);
  await writeOutputs(out, results, report);

  if (flags.json === true) stdout(`${JSON.stringify(results, null, 2)}\n`);
  else {
    stdout(renderTable(comparison));
    stdout(
      `\n${summary.cases} case(s), ${summary.runs} run(s), ${summary.errors} error(s); ` +
        `letters passing every error-level rule: ${(summary.passRate * 100).toFixed(1)}%` +
        (repeat > 1 ? `; pass^${repeat}: ${(summary.passAll * 100).toFixed(1)}% of cases` : '') +
        `; ${(durationMs / 1000).toFixed(1)} s. Report: ${join(flags.out, 'report.md')}\n`,
    );
  }

  if (flags.bless === true) {
    if (summary.errors > 0) {
      stderr(
        `lede eval: not blessing: ${summary.errors} run(s) errored (see ${join(flags.out, 'report.md')})\n`,
      );
      return false;
    }
    await blessBaseline(
      baselinePath,
      baseline,
      key,
      baselineRun(probe.name, probe.model, repeat, scored, summary, scorers),
    );
    stderr(`lede eval: blessed ${key} into ${baselinePath}\n`);
    return true;
  }

  const failures = [...comparison.regressions];
  const errored = scored.filter((item) => item.errors.length > 0);
  if (errored.length > 0) {
    const first = errored[0]?.errors[0];
    const ids = errored.slice(0, 12).map((item) => item.id);
    const cause = first === undefined ? '' : ` (first: ${first.code}: ${first.message})`;
    failures.push(`${errored.length} case(s) errored: ${ids.join(', ')}${cause}`);
  }
  if (comparison.against === null)
    stderr(`lede eval: no baseline entry "${key}" in ${baselinePath}; run with --bless to record one\n`);
  else if (comparison.rows.some((row) => row.status === 'improved') && failures.length === 0) {
    stderr('lede eval: some scores improved; run with --bless to raise the baseline\n');
  }
  if (failures.length === 0) return true;
  stderr(`lede eval: FAILED\n${failures.map((line) => `  - ${line}`).join('\n')}\n`);
  return false;
}
