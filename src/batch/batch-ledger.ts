import { mkdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { BatchFinding, BatchLetter } from '../critic/check-batch.js';
import { analyzeLetter } from '../critic/letter-anatomy.js';
import { InputError, LedeError, OutputError } from '../errors.js';
import { maxDocumentBytes } from '../input/read-document.js';
import { maxInputBytes } from '../input/read-text-file.js';
import type { LetterRecipient } from '../output/letter-document.js';
import type { RenderedLetter } from '../output/render-letter.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import type { PipelineResult } from '../pipeline/run-pipeline.js';
import { noUsage } from '../pipeline/usage.js';
import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import { documentExtensions, postingFromBytes } from '../posting/load-posting.js';
import type { Posting } from '../posting/posting.js';
import type { BatchRow } from './batch-summary.js';
import type { FoundPosting } from './find-postings.js';
import { type Manifest, type ManifestEntry, ManifestWriter } from './manifest.js';
import type { OutputFiles } from './output-names.js';
import { isSuccess } from './prepare-batch.js';
import type { Progress } from './progress.js';

export function errorInfo(error: unknown): { code: string; message: string } {
  if (error instanceof LedeError) return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export function rowFromEntry(entry: ManifestEntry, unchanged: boolean): BatchRow {
  return {
    posting: entry.posting,
    status: entry.status,
    unchanged,
    industry: entry.industry,
    company: entry.company,
    attempts: entry.attempts,
    words: entry.words,
    outputs: entry.outputs,
    failedRules: entry.failedRules,
    error: entry.error,
    usage: unchanged ? noUsage : entry.usage,
  };
}

export function emptyRow(posting: string, status: BatchRow['status'], error: unknown = null): BatchRow {
  return {
    posting,
    status,
    unchanged: false,
    industry: null,
    company: null,
    attempts: 0,
    words: 0,
    outputs: null,
    failedRules: [],
    error: error === null ? null : errorInfo(error),
    usage: noUsage,
  };
}

/** Reads a posting file's bytes; an unreadable file is an InputError naming it. */
export async function readPostingBytes(posting: FoundPosting): Promise<Buffer> {
  try {
    return await readFile(posting.path);
  } catch (error) {
    throw new InputError('posting.unreadable', `${posting.relative} cannot be read`, {
      file: posting.path,
      hint: 'check the file permissions',
      cause: error,
    });
  }
}

/** Bytes to a Posting named by its path in the batch folder (size, encoding or document format, length checked). */
export async function postingOfFile(bytes: Buffer, posting: FoundPosting): Promise<Posting> {
  const extension = extname(posting.path).toLowerCase();
  const document = (documentExtensions as readonly string[]).includes(extension);
  if (bytes.length > (document ? maxDocumentBytes : maxInputBytes)) {
    throw new InputError(
      'posting.too-large',
      `${posting.relative} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB`,
      {
        file: posting.path,
        hint: 'save only the posting text',
      },
    );
  }
  return postingFromBytes(bytes, posting.relative, extension);
}

export interface LedgerOptions {
  readonly out: string;
  readonly manifest: ManifestWriter;
  readonly progress: Progress;
  readonly renderReport: (result: PipelineResult) => string;
  readonly common: CommonVocabulary;
  /** Keep every letter for the batch-level check. */
  readonly collectLetters: boolean;
  /** Renders a letter in the run's `--format`, for `<stem>.letter.<ext>` beside the Markdown; absent for Markdown. */
  readonly renderDocument?:
    | ((letter: string, recipient: LetterRecipient) => Promise<RenderedLetter>)
    | undefined;
  readonly afterPosting?: (() => void) | undefined;
  readonly now: () => number;
}

/**
 * The books of one batch run: writes each finished posting's letter and reports, records it in the manifest, counts
 * progress, and at the end gives every posting its summary row. Rows are read back from the manifest, so ten thousand
 * postings are not held twice; only postings the manifest does not describe (stopped, interrupted) are kept here.
 */
/** What the manifest keeps of a finished posting's row (a posting not run, or interrupted, is kept as an error). */
export function manifestEntryFor(
  posting: string,
  inputHash: string,
  row: BatchRow,
  finishedAt: string,
): ManifestEntry {
  return {
    posting,
    inputHash,
    status: row.status === 'not-run' || row.status === 'interrupted' ? 'error' : row.status,
    outputs: row.outputs,
    industry: row.industry,
    company: row.company,
    attempts: row.attempts,
    words: row.words,
    usage: row.usage,
    failedRules: row.failedRules,
    error: row.error,
    finishedAt,
  };
}

export class BatchLedger {
  private readonly options: LedgerOptions;
  /** Where each letter is, for the batch-level check at the end (read back then, not held during the run). */
  private readonly letterFiles: {
    readonly source: string;
    readonly company: string | null;
    readonly file: string;
  }[] = [];
  private readonly extraRows = new Map<string, BatchRow>();
  private readonly unchanged = new Set<string>();
  private readonly recorded = new Set<string>();
  private done = 0;
  private failed = 0;
  private total = 0;

  constructor(options: LedgerOptions) {
    this.options = options;
  }

  start(total: number, unchanged = 0): void {
    this.total = total;
    this.options.progress.start(total, unchanged);
  }

  /**
   * An earlier run's success, kept as it is. When the run asks for a format the earlier one did not write (or its file
   * is gone), that file is made from the kept Markdown letter: the letter is the same, so no model is asked again.
   */
  async keep(entry: ManifestEntry, files: OutputFiles): Promise<void> {
    if (
      files.document !== undefined &&
      entry.outputs !== null &&
      !(await this.hasDocument(entry, files.document))
    ) {
      const letter = await readFile(join(this.options.out, entry.outputs.letter), 'utf8');
      const role = await this.roleIn(entry.outputs.reportJson);
      if (await this.writeDocument(entry.posting, files.document, letter, { company: entry.company, role })) {
        entry = { ...entry, outputs: { ...entry.outputs, document: files.document } };
        await this.options.manifest.record(entry);
      }
    }
    if (this.options.collectLetters && entry.outputs !== null) {
      this.letterFiles.push({ source: entry.posting, company: entry.company, file: entry.outputs.letter });
    }
    this.unchanged.add(entry.posting);
    this.count(rowFromEntry(entry, true));
  }

  /** A finished pipeline: letter and reports written atomically (the letter last), then recorded. */
  async completed(
    posting: string,
    inputHash: string,
    files: OutputFiles,
    result: PipelineResult,
  ): Promise<void> {
    const { out, renderReport } = this.options;
    await writeFileAtomic(join(out, files.reportJson), `${JSON.stringify(result, null, 2)}\n`);
    await writeFileAtomic(join(out, files.report), renderReport(result));
    if (
      files.document !== undefined &&
      !(await this.writeDocument(posting, files.document, result.letter, result.analysis))
    ) {
      files = { ...files, document: undefined };
    }
    // The Markdown letter goes last: its presence is what tells a rerun the posting is done.
    await writeFileAtomic(join(out, files.letter), `${result.letter}\n`);
    const best = result.attempts.find((attempt) => attempt.attempt === result.bestAttempt);
    const failedRules = (best?.critique.findings ?? [])
      .filter((finding) => finding.severity === 'error')
      .map((finding) => finding.ruleId);
    if (this.options.collectLetters) {
      this.letterFiles.push({ source: posting, company: result.analysis.company, file: files.letter });
    }
    await this.record(posting, inputHash, {
      posting,
      status: result.status,
      unchanged: false,
      industry: result.industry.industry,
      company: result.analysis.company,
      attempts: result.attempts.length,
      words: analyzeLetter(result.letter, this.options.common).wordCount,
      outputs: files,
      failedRules: [...new Set(failedRules)],
      error: null,
      usage: result.usage,
    });
  }

  /** A posting that could not be read, or whose engine calls failed: recorded, so a rerun redoes it. */
  async failedWith(posting: string, inputHash: string, error: unknown): Promise<void> {
    await this.record(
      posting,
      inputHash,
      emptyRow(posting, error instanceof InputError ? 'bad-input' : 'error', error),
    );
  }

  /** A posting the run did not finish (stopped, interrupted, or the one that hit a fatal error): not recorded. */
  unfinished(posting: string, status: 'not-run' | 'interrupted' | 'error', error: unknown = null): void {
    this.extraRows.set(posting, emptyRow(posting, status, error));
  }

  /** Runs the batch-level check over every letter of the run (kept and new), read back from the output folder. */
  async crossCheck(
    check: ((letters: readonly BatchLetter[]) => BatchFinding[]) | undefined,
  ): Promise<BatchFinding[]> {
    if (check === undefined) return [];
    const letters: BatchLetter[] = [];
    for (const { source, company, file } of this.letterFiles) {
      const letter = await readFile(join(this.options.out, file), 'utf8').catch(() => '');
      letters.push({ source, company, letter: letter.trim() });
    }
    return check(letters);
  }

  rows(postings: readonly FoundPosting[]): BatchRow[] {
    return postings.map(({ relative }) => {
      const extra = this.extraRows.get(relative);
      if (extra !== undefined) return extra;
      const entry = this.options.manifest.manifest.entries[relative];
      const unchanged = this.unchanged.has(relative);
      if (entry === undefined || !(unchanged || this.recorded.has(relative)))
        return emptyRow(relative, 'not-run');
      return rowFromEntry(entry, unchanged);
    });
  }

  private async hasDocument(entry: ManifestEntry, document: string): Promise<boolean> {
    if (entry.outputs?.document !== document) return false;
    return stat(join(this.options.out, document)).then(
      () => true,
      () => false,
    );
  }

  /** The role the posting was read for, from a kept letter's report; null when the report does not say. */
  private async roleIn(reportJson: string): Promise<string | null> {
    try {
      const report = JSON.parse(await readFile(join(this.options.out, reportJson), 'utf8')) as {
        analysis?: { role?: unknown };
      };
      return typeof report.analysis?.role === 'string' ? report.analysis.role : null;
    } catch {
      return null;
    }
  }

  /**
   * Writes the letter in the run's format; false when it could not be made. A document that fails to render costs the
   * posting nothing: its Markdown letter is still written and recorded, and a rerun tries the document again. A disk
   * that fails is the batch's error, as for any other file.
   */
  private async writeDocument(
    posting: string,
    file: string,
    letter: string,
    recipient: LetterRecipient,
  ): Promise<boolean> {
    if (this.options.renderDocument === undefined) return false;
    let rendered: RenderedLetter;
    try {
      rendered = await this.options.renderDocument(letter, recipient);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.options.progress.note(
        `${posting}: ${file} could not be made (${reason}); its Markdown letter is kept, and a rerun tries again`,
      );
      return false;
    }
    for (const warning of rendered.warnings) this.options.progress.note(`${posting}: ${warning}`);
    await writeFileAtomic(join(this.options.out, file), rendered.content);
    return true;
  }

  private async record(posting: string, inputHash: string, row: BatchRow): Promise<void> {
    await this.options.manifest.record(
      manifestEntryFor(posting, inputHash, row, new Date(this.options.now()).toISOString()),
    );
    this.recorded.add(posting);
    this.count(row);
  }

  private count(row: BatchRow): void {
    this.done++;
    if (!isSuccess(row.status)) this.failed++;
    this.options.afterPosting?.();
    this.options.progress.postingDone(row.posting, row.unchanged ? `${row.status} (unchanged)` : row.status, {
      done: this.done,
      failed: this.failed,
      total: this.total,
    });
  }
}

/**
 * Creates the output folder and opens the manifest and the ledger over it: how every kind of batch run starts
 * writing. A folder that cannot be created is an OutputError naming it.
 */
export async function openBatchOutput(
  manifest: Manifest,
  options: Omit<LedgerOptions, 'manifest'>,
): Promise<{ manifest: ManifestWriter; ledger: BatchLedger }> {
  try {
    await mkdir(options.out, { recursive: true });
  } catch (error) {
    throw new OutputError('output.folder-failed', `${options.out} cannot be created`, {
      file: options.out,
      hint: 'check the path and its permissions',
      cause: error,
    });
  }
  const writer = new ManifestWriter(options.out, manifest);
  return { manifest: writer, ledger: new BatchLedger({ ...options, manifest: writer }) };
}
