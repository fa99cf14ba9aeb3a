import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ExitCode } from '../cli/exit-code.js';
import { formatError } from '../cli/format-error.js';
import {
  apiKeyFrom,
  cacheModes,
  type Environment,
  resolveConfig,
  wantsVerbose,
} from '../config/resolve-config.js';
import type { Rule } from '../critic/rule.js';
import { ConfigError, OutputError } from '../errors.js';
import type { Engine } from '../pipeline/engine.js';
import { loadPlaybooks } from '../playbooks/load-playbooks.js';
import { baselineKey, baselineRun, blessBaseline, loadBaseline } from './baseline.js';
import { compareWithBaseline } from './compare-baseline.js';
import { createEvalEngines } from './create-eval-engines.js';
import { filterCases } from './filter-cases.js';
import { loadDataset } from './load-dataset.js';
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

interface EvalFlags {
  engine: 'offline' | 'openai';
  model?: string;
  baseUrl?: string;
  temperature?: string;
  jsonMode?: string;
  timeoutMs?: string;
  maxRetries?: string;
  cache: string;
  cassettes?: string;
  repeat: string;
  concurrency?: string;
  filter: string[];
  json?: boolean;
  bless?: boolean;
  dataset: string;
  baseline?: string;
  against?: string;
  out: string;
  templates?: string;
  maxAttempts?: string;
  maxWords?: string;
  verbose?: boolean;
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

function buildProgram(): Command {
  return new Command('lede-eval')
    .description(
      'Score the whole pipeline on the labelled dataset, compare with the committed baseline, and fail on regression.\n' +
        'Exit codes: 0 no regression; 1 a scorer regressed, a case flipped from pass to fail, or a case errored;\n' +
        '2 bad flags or dataset; 3 the model endpoint failed (including a strict cache miss when every case needs it).',
    )
    .addOption(
      new Option('--engine <engine>', 'offline | openai').choices(['offline', 'openai']).default('offline'),
    )
    .option('--model <id>', 'model id for the openai engine (default: gpt-4o-mini; env LEDE_MODEL)')
    .option('--base-url <url>', 'OpenAI-compatible endpoint (env OPENAI_BASE_URL)')
    .option('--temperature <number>', 'sampling temperature for the openai engine (default: 0.4)')
    .option('--json-mode <mode>', 'json_schema | json_object (default: json_schema)')
    .option('--timeout-ms <ms>', 'per-request timeout (default: 120000)')
    .option('--max-retries <n>', 'transport retries (default: 2)')
    .addOption(
      new Option('--cache <mode>', 'response cache for the openai engine')
        .choices([...cacheModes])
        .default('off'),
    )
    .option('--cassettes <folder>', 'response cache folder (default: <dataset>/cassettes)')
    .option('--repeat <n>', 'runs per case; reports pass^N (every run passes)', '1')
    .option('--concurrency <n>', 'runs in flight (default: 1 offline, 4 openai)')
    .option(
      '--filter <terms...>',
      'industry=finance, profile=new-grad, case=tech-01/new-grad, posting=..., trait=agency, or text in the case id',
      [],
    )
    .option('--json', 'print the results as JSON instead of the table')
    .option('--bless', 'write this run into the baseline (refused with --filter or when a case errored)')
    .option('--dataset <folder>', 'the dataset folder', 'datasets')
    .option('--baseline <file>', 'the baseline file (default: <dataset>/baseline.json)')
    .option(
      '--against <key>',
      "compare with another baseline entry, e.g. offline or openai:gpt-4o-mini (default: this run's)",
    )
    .option('--out <folder>', 'where results.json and report.md go', 'eval-out')
    .option('--templates <folder>', 'playbooks folder (default: bundled)')
    .option('--max-attempts <n>', 'attempts per letter (default: 3)')
    .option('--max-words <n>', 'word limit for the letter body (default: 250)')
    .option('--verbose', 'stack traces on errors')
    .exitOverride()
    .showHelpAfterError();
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

async function evaluate(
  flags: EvalFlags,
  context: EvalContext,
  stdout: (text: string) => void,
  stderr: (text: string) => void,
): Promise<ExitCode> {
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
    { pipeline: { maxAttempts: config.maxAttempts, maxWords: config.maxWords }, repeat, concurrency },
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
      return ExitCode.rulesFailed;
    }
    await blessBaseline(
      baselinePath,
      baseline,
      key,
      baselineRun(probe.name, probe.model, repeat, scored, summary, scorers),
    );
    stderr(`lede eval: blessed ${key} into ${baselinePath}\n`);
    return ExitCode.ok;
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
  if (failures.length === 0) return ExitCode.ok;
  stderr(`lede eval: FAILED\n${failures.map((line) => `  - ${line}`).join('\n')}\n`);
  return ExitCode.rulesFailed;
}

/**
 * `npm run eval [-- flags]`: runs the dataset through the pipeline, scores it, writes `eval-out/`, compares with the
 * baseline and returns the exit code. Errors become text here (through the CLI's formatter); the API key is scrubbed
 * from everything written.
 */
export async function runEvalCommand(argv: readonly string[], context: EvalContext): Promise<ExitCode> {
  const apiKey = apiKeyFrom(context.env);
  const scrub = (text: string): string =>
    apiKey === undefined ? text : text.split(apiKey).join('[redacted]');
  const stdout = (text: string): void => context.io.stdout(scrub(text));
  const stderr = (text: string): void => context.io.stderr(scrub(text));
  const program = buildProgram().configureOutput({ writeOut: stdout, writeErr: stderr });
  let flags: EvalFlags;
  try {
    program.parse([...argv], { from: 'user' });
    flags = program.opts<EvalFlags>();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
    throw error;
  }
  try {
    return await evaluate(flags, context, stdout, stderr);
  } catch (error) {
    const formatted = formatError(error, {
      verbose: flags.verbose === true || wantsVerbose(argv, context.env),
      apiKey,
    });
    stderr(formatted.text);
    return formatted.exitCode;
  }
}
