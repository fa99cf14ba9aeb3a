import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { BatchTransport } from '../../batch/batch-transport.js';
import { directTransport } from '../../batch/direct-transport.js';
import { createHeapGuard, type HeapGuard } from '../../batch/heap-guard.js';
import { planBatch } from '../../batch/plan-batch.js';
import { batchApiDiscount, loadPriceTable, type ModelPrice, priceFor } from '../../batch/price-table.js';
import { createProgress } from '../../batch/progress.js';
import { RateLimiter } from '../../batch/rate-limiter.js';
import { renderPlan, renderSummary } from '../../batch/render-summary.js';
import { runBatch } from '../../batch/run-batch.js';
import { type BatchRun, summaryJsonChunks } from '../../batch/write-summary.js';
import type { Config } from '../../config/resolve-config.js';
import { checkBatch } from '../../critic/check-batch.js';
import { endpointName, endpointOptions } from '../../engines/openai/endpoint-options.js';
import { fetchObservingRateLimits } from '../../engines/openai/observe-rate-limits.js';
import { ConfigError, InputError } from '../../errors.js';
import { chooseLetterFormat } from '../../output/letter-format.js';
import { loadPlaybooks } from '../../playbooks/load-playbooks.js';
import { loadProfile } from '../../profile/load-profile.js';
import { writeReviewPage } from '../../review/write-review-page.js';
import type { CliContext } from '../cli-context.js';
import { createEngine } from '../create-engine.js';
import { ExitCode } from '../exit-code.js';
import { industryOption } from '../industry-option.js';
import { inputFile } from '../input-path.js';
import { loadCommandConfig } from '../load-command-config.js';
import { profileArgument } from '../profile-argument.js';
import { renderLetterFor } from '../render-letter-for.js';
import { renderReport } from '../render-report.js';
import { warnReviewMarkers } from '../warn-review-markers.js';
import { warnStarterProfile } from '../warn-starter-profile.js';

export interface BatchFlags {
  readonly profile?: string;
  readonly out: string;
  readonly format?: string;
  readonly recursive?: boolean;
  readonly force?: boolean;
  readonly dryRun?: boolean;
  readonly quiet?: boolean;
  readonly json?: boolean;
  readonly industry?: string;
  readonly via?: string;
  readonly pollInterval?: string;
}

/** Output tokens one call is budgeted for in `--tpm` (a letter is ~350 tokens; JSON answers less). */
export const budgetedOutputTokens = 1000;

function viaOption(value: string | undefined): 'direct' | 'batch-api' {
  if (value === undefined || value === 'direct' || value === 'batch-api') return value ?? 'direct';
  throw new ConfigError('config.invalid', `--via must be direct or batch-api (got "${value}")`, {
    field: 'via',
    hint: 'leave --via out to call the model directly',
  });
}

function pollIntervalOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new ConfigError(
      'config.invalid',
      `--poll-interval must be a number of seconds from 0 to 3600 (got "${value}")`,
      {
        field: 'pollInterval',
        hint: 'leave it out to poll every 5 s at first, then less often',
      },
    );
  }
  return seconds * 1000;
}

function noPrice(model: string): ConfigError {
  return new ConfigError(
    'config.no-price',
    `--max-cost needs a price for model ${model}, and lede has none`,
    {
      field: 'maxCost',
      hint: `pass --prices <file> with an entry such as ${model}: { input: 0.5, output: 1.5 } (USD per million tokens)`,
    },
  );
}

/** The Batch API transport over the config's endpoint (imported on demand, so --help never loads the SDK). */
async function batchApiTransportFor(
  context: CliContext,
  config: Config,
  pollIntervalMs: number | undefined,
): Promise<BatchTransport> {
  if (config.engine !== 'openai') {
    throw new ConfigError(
      'config.via-needs-openai',
      '--via batch-api sends requests to OpenAI, but the engine is offline',
      {
        field: 'via',
        hint: 'set OPENAI_API_KEY (and --engine openai), or leave --via out for the offline engine',
      },
    );
  }
  const [{ createOpenAiBatchApi }, { createLlmEngine }, { batchApiTransport }] = await Promise.all([
    import('../../engines/openai/openai-batch-api.js'),
    import('../../engines/openai/llm-engine.js'),
    import('../../batch/batch-api/batch-api-transport.js'),
  ]);
  const api = createOpenAiBatchApi(endpointOptions(config));
  context.io.stderr(
    `lede: sending the model calls to ${api.baseUrl} as Batch API jobs (model ${config.model})\n`,
  );
  return batchApiTransport({
    api,
    engineFor: (client) => createLlmEngine({ client, temperature: config.temperature }),
    pollIntervalMs,
  });
}

function discounted(price: ModelPrice | undefined): ModelPrice | undefined {
  return price === undefined
    ? undefined
    : { input: price.input * batchApiDiscount, output: price.output * batchApiDiscount };
}

function report(context: CliContext, run: BatchRun, json: boolean): void {
  if (json) {
    for (const chunk of summaryJsonChunks(run.summary)) context.io.stdout(chunk);
  } else {
    context.io.stdout(renderSummary(run.summary));
  }
  // The error that stopped the batch is reported (and sets the exit code) in the one place errors become text.
  if (run.fatal !== undefined) throw run.fatal;
  if (run.summary.exitCode !== ExitCode.ok) context.setExitCode?.(run.summary.exitCode as ExitCode);
}

/**
 * Writes review.html into the output folder. A batch that stopped before writing anything has nothing to show. A page
 * that cannot be written is a note after a batch that went well, and nothing after one whose own error (a full disk,
 * say) is about to be reported: the note would only repeat it.
 */
async function writeReviewAfterBatch(
  out: string,
  context: CliContext,
  heapGuard: HeapGuard,
  batchFailed: boolean,
): Promise<void> {
  try {
    heapGuard.collect();
    await writeReviewPage(out, { afterPosting: () => heapGuard.afterPosting() });
  } catch (error) {
    if (batchFailed || (error instanceof InputError && error.code === 'input.not-batch-output')) return;
    context.io.stderr(
      `lede: review.html not written: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
}

/** The `lede batch` handler: resolves the config, then plans (`--dry-run`), runs directly, or runs via the Batch API. */
export async function runBatchCommand(
  folderArgument: string,
  flags: BatchFlags,
  self: Command,
  context: CliContext,
): Promise<void> {
  // A batch rerun after a crash should cost nothing for calls already made: the response cache is on by default.
  // --force redoes the letters, so it asks the model again (and records the new answers) unless --cache says otherwise.
  const config = await loadCommandConfig(self, context, { cache: flags.force === true ? 'record' : 'auto' });
  const { concurrency, rpm, tpm, maxCost: maxCostUsd } = config;
  const prices = await loadPriceTable(config.prices);
  const folder = resolve(context.cwd, folderArgument);
  const out = resolve(context.cwd, flags.out);
  const profileFile = profileArgument(flags, config);
  const profile = await loadProfile(inputFile(context, profileFile, 'profile'));
  await warnStarterProfile(profile, profileFile, context.io);
  warnReviewMarkers(profile, profileFile, context.io);
  const playbooks = await loadPlaybooks(config.templates);
  const industry = industryOption(flags.industry, playbooks);
  const pipeline = {
    maxAttempts: config.maxAttempts,
    maxWords: config.maxWords,
    overrides: { industry },
    // Part of the manifest's fingerprint: only the model path reads it, so offline batches keep their hashes.
    ...(config.engine === 'openai' ? { analysis: config.analysis, language: config.language } : {}),
  };
  const letterConfig = { temperature: config.temperature, jsonMode: config.jsonMode };
  const via = viaOption(flags.via);
  const format = chooseLetterFormat({ format: flags.format });

  if (flags.dryRun === true) {
    const engine = context.engineOverride ?? {
      name: config.engine,
      model: config.engine === 'offline' ? 'offline' : config.model,
    };
    const plan = await planBatch(
      {
        folder,
        out,
        recursive: flags.recursive === true,
        force: flags.force === true,
        pipeline,
        config: letterConfig,
        via,
        prices,
      },
      { engine, profile, playbooks },
    );
    context.io.stdout(flags.json === true ? `${JSON.stringify(plan, null, 2)}\n` : renderPlan(plan));
    return;
  }

  let transport: BatchTransport;
  let price: ModelPrice | undefined;
  if (via === 'batch-api') {
    price = discounted(priceFor(prices, config.model));
    if (maxCostUsd !== undefined && price === undefined) throw noPrice(config.model);
    transport = await batchApiTransportFor(context, config, pollIntervalOption(flags.pollInterval));
  } else {
    const maxPauseMs = config.maxPause * 1000;
    const limits = { requestsPerMinute: rpm, tokensPerMinute: tpm, maxPauseMs };
    const limiter = new RateLimiter(limits);
    const engine = await createEngine(config, context, {
      fetch: fetchObservingRateLimits(limiter, fetch, {
        where: endpointName(config.baseUrl, config.model),
        maxPauseMs,
      }),
    });
    price = engine.name === 'offline' ? { input: 0, output: 0 } : priceFor(prices, engine.model);
    if (maxCostUsd !== undefined && price === undefined) throw noPrice(engine.model);
    transport = directTransport({
      engine,
      concurrency,
      limits,
      limiter,
      maxOutputTokens: budgetedOutputTokens,
      rateLimitRetries: config.maxRetries,
    });
  }

  // The first signal (context.signal) stops taking postings (direct) or polling (Batch API) and lets those in flight
  // finish; main.ts ends the process on a second one, and the manifest keeps everything finished.
  const heapGuard = createHeapGuard();
  let run: BatchRun | undefined;
  try {
    run = await runBatch(
      {
        folder,
        out,
        recursive: flags.recursive === true,
        force: flags.force === true,
        pipeline,
        maxCostUsd,
        price,
        config: letterConfig,
        format,
      },
      {
        transport,
        profile,
        playbooks,
        renderReport,
        // One date for every letter of the run, however long it takes.
        renderDocument:
          format === 'md'
            ? undefined
            : renderLetterFor(format, profile, new Date(context.now?.() ?? Date.now())),
        progress: createProgress({
          write: context.io.stderr,
          isTty: context.io.isTty,
          quiet: flags.quiet === true,
        }),
        stopSignal: context.signal,
        heapGuard,
        checkBatch: (letters) => checkBatch(letters, playbooks.common),
      },
    );
  } finally {
    // After a stopped or failed batch too: the page shows what exists.
    await writeReviewAfterBatch(out, context, heapGuard, run === undefined || run.fatal !== undefined);
  }
  report(context, run, flags.json === true);
}
