import { mkdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { costOf, loadPriceTable, priceFor } from '../../batch/price-table.js';
import { ConfigError, OutputError } from '../../errors.js';
import { isSameFile } from '../../input/same-file.js';
import { chooseLetterFormat, isBinaryFormat, type LetterFormat } from '../../output/letter-format.js';
import { writeFileAtomic } from '../../output/write-file-atomic.js';
import type { Engine } from '../../pipeline/engine.js';
import { type PipelineResult, runPipeline } from '../../pipeline/run-pipeline.js';
import { spentTokens } from '../../pipeline/usage.js';
import { loadPlaybooks } from '../../playbooks/load-playbooks.js';
import { loadProfile } from '../../profile/load-profile.js';
import type { CliContext } from '../cli-context.js';
import { createEngine } from '../create-engine.js';
import { ExitCode } from '../exit-code.js';
import { industryOption } from '../industry-option.js';
import { inputFile, inputPath } from '../input-path.js';
import { loadCommandConfig } from '../load-command-config.js';
import { profileArgument } from '../profile-argument.js';
import { postingArgumentKind, readPostingArgument } from '../read-posting-argument.js';
import { type ReadingFlags, readingOverrides } from '../reading-options.js';
import { renderLetterFor } from '../render-letter-for.js';
import { type ReportCost, renderReport } from '../render-report.js';
import { warnReviewMarkers } from '../warn-review-markers.js';
import { warnStarterProfile } from '../warn-starter-profile.js';

export interface DraftFlags extends ReadingFlags {
  readonly profile?: string;
  readonly out?: string;
  readonly format?: string;
  readonly industry?: string;
  readonly json?: boolean;
}

/** `letters/acme.md` -> `letters/acme.report.md` and `letters/acme.report.json`. */
export function reportPathsFor(letterPath: string): { markdown: string; json: string } {
  const stem = join(dirname(letterPath), basename(letterPath, extname(letterPath)));
  return { markdown: `${stem}.report.md`, json: `${stem}.report.json` };
}

async function ensureFolder(path: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new OutputError(
      'output.folder-failed',
      `${dirname(path)} cannot be created (${code ?? 'unknown error'})`,
      {
        file: dirname(path),
        hint: 'choose an --out path in a folder you can write to',
        cause: error,
      },
    );
  }
}

/** Refuses an `--out` whose letter or report would overwrite the posting, the profile or the config file. */
async function refuseOverwritingInputs(
  outputs: readonly string[],
  inputs: readonly { readonly path: string; readonly role: string }[],
): Promise<void> {
  for (const output of outputs) {
    for (const input of inputs) {
      if (!(await isSameFile(output, input.path))) continue;
      throw new ConfigError(
        'config.out-is-input',
        `--out would write over ${input.role} ${input.path} (${output} is that file); lede never overwrites its inputs`,
        { field: 'out', hint: 'choose a new file for the letter, e.g. --out letters/acme.md' },
      );
    }
  }
}

/**
 * The letter's format, checked before any work: an `--out` lede cannot write, a `--format` it contradicts, a DOCX or
 * PDF bound for a terminal, or a format asked of `--json` (which prints the whole result instead) are refused.
 */
function letterFormatFor(flags: DraftFlags, context: CliContext): LetterFormat {
  const format = chooseLetterFormat({ format: flags.format, out: flags.out });
  if (flags.out !== undefined) return format;
  if (flags.json === true && flags.format !== undefined && format !== 'md') {
    throw new ConfigError(
      'config.format-conflict',
      `--json without --out prints the whole result as JSON, not a ${format} letter`,
      { field: 'format', hint: `add --out letter.${format} to write the letter too, or drop --json` },
    );
  }
  if (isBinaryFormat(format) && (context.io.stdoutIsTty === true || context.io.stdoutBytes === undefined)) {
    const stdout = context.io.stdoutIsTty === true ? 'stdout is a terminal' : 'stdout here takes text only';
    throw new ConfigError(
      'config.format-to-terminal',
      `--format ${format} writes a binary file, and ${stdout}`,
      {
        field: 'format',
        hint: `write it to a file: --out letter.${format} (or redirect stdout: > letter.${format})`,
      },
    );
  }
  return format;
}

/**
 * What the letter's calls cost at the price table's rate (the batch's table: `--prices` merged over the defaults),
 * calls answered from the cache free; none for the offline engine.
 */
async function estimatedCost(
  engine: Engine,
  result: PipelineResult,
  prices: string | undefined,
): Promise<ReportCost | undefined> {
  if (engine.name === 'offline') return undefined;
  const price = priceFor(await loadPriceTable(prices), engine.model);
  return { model: engine.model, usd: price === undefined ? null : costOf(spentTokens(result.usage), price) };
}

/** The draft command's handler, loaded only when the command runs (so `lede --help` stays fast). */
export async function runDraft(
  postingArgument: string,
  flags: DraftFlags,
  command: Command,
  context: CliContext,
): Promise<void> {
  const config = await loadCommandConfig(command, context);
  // A posting from standard input or the web has no file that --out could overwrite.
  const postingPath =
    postingArgumentKind(postingArgument) === 'file'
      ? inputFile(context, postingArgument, 'posting')
      : undefined;
  const profileFile = profileArgument(flags, config);
  const profilePath = inputFile(context, profileFile, 'profile');
  if (flags.out !== undefined) {
    const letter = inputPath(context, flags.out);
    const reports = reportPathsFor(letter);
    await refuseOverwritingInputs(
      [letter, reports.markdown, reports.json],
      [
        ...(postingPath === undefined ? [] : [{ path: postingPath, role: 'the posting' }]),
        { path: profilePath, role: 'the profile' },
        ...(config.configFile === undefined ? [] : [{ path: config.configFile, role: 'the config file' }]),
      ],
    );
  }
  // After the overwrite check, whose refusal says more than "lede cannot write .yaml files" for --out me.yaml.
  const format = letterFormatFor(flags, context);
  const posting = await readPostingArgument(postingArgument, context, config);
  const profile = await loadProfile(profilePath);
  await warnStarterProfile(profile, profileFile, context.io);
  warnReviewMarkers(profile, profileFile, context.io);
  const playbooks = await loadPlaybooks(config.templates);
  const industry = industryOption(flags.industry, playbooks);
  const engine = await createEngine(config, context);
  const result = await runPipeline(
    posting,
    profile,
    { engine, playbooks, signal: context.signal },
    {
      maxAttempts: config.maxAttempts,
      maxWords: config.maxWords,
      overrides: { ...readingOverrides(flags), industry },
      analysis: config.analysis,
      language: config.language,
    },
  );
  if (result.status === 'failed') context.setExitCode?.(ExitCode.rulesFailed);
  if (flags.out === undefined && flags.json === true) {
    context.io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const cost = await estimatedCost(engine, result, config.prices);
  const date = new Date(context.now?.() ?? Date.now());
  const rendered = await renderLetterFor(
    format,
    profile,
    date,
    config.letterhead,
  )(result.letter, result.analysis);
  for (const warning of rendered.warnings) context.io.stderr(`lede: warning: ${warning}\n`);

  if (flags.out === undefined) {
    // The letter is the output (`> letter.md` captures it alone); the report is about it, like a compiler's warnings.
    if (typeof rendered.content === 'string') context.io.stdout(rendered.content);
    else context.io.stdoutBytes?.(rendered.content);
    context.io.stderr(`\n${renderReport(result, cost)}`);
    return;
  }
  const letterPath = inputPath(context, flags.out);
  const reports = reportPathsFor(letterPath);
  await ensureFolder(letterPath);
  await writeFileAtomic(letterPath, rendered.content);
  await writeFileAtomic(reports.markdown, renderReport(result, cost));
  await writeFileAtomic(reports.json, `${JSON.stringify(result, null, 2)}\n`);
  if (flags.json === true) {
    const written = {
      letter: letterPath,
      format,
      report: reports.markdown,
      reportJson: reports.json,
      status: result.status,
    };
    context.io.stdout(`${JSON.stringify(written)}\n`);
  } else {
    const attempts = `${result.attempts.length} attempt${result.attempts.length === 1 ? '' : 's'}`;
    context.io.stdout(
      `${result.status}: wrote ${letterPath} (${attempts}) and its report ${reports.markdown}\n`,
    );
  }
}
