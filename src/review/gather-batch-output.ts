import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { rowFromEntry } from '../batch/batch-ledger.js';
import { type BatchRow, type BatchSummary, BatchSummarySchema } from '../batch/batch-summary.js';
import { journalFileName, loadManifest, manifestFileName } from '../batch/manifest.js';
import { summaryFileName } from '../batch/write-summary.js';
import { InputError } from '../errors.js';
import { type PipelineResult, PipelineResultSchema } from '../pipeline/run-pipeline.js';

/** One posting of a batch as its output folder tells it: the summary row and, when one was written, its result. */
export interface GatheredPosting {
  readonly row: BatchRow;
  /** The report JSON, or null when none was written (bad input, an error, not run). */
  readonly result: PipelineResult | null;
  /** Why a report the row names could not be used (missing, not JSON, not a lede result); null when fine. */
  readonly reportProblem: string | null;
}

/**
 * What `review.html` is built from: the summary and every posting's row. Each result is read when its turn comes
 * (`readPostingResult`), so ten thousand reports are never held at once.
 */
export interface BatchOutput {
  readonly out: string;
  /** summary.json, or null when the batch stopped before writing it (the rows then come from the manifest). */
  readonly summary: BatchSummary | null;
  readonly rows: readonly BatchRow[];
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** When a file last changed (ms), or -1 when there is none. */
async function modifiedAt(path: string): Promise<number> {
  return stat(path).then(
    (found) => found.mtimeMs,
    () => -1,
  );
}

function notBatchOutput(out: string, why: string): InputError {
  return new InputError(
    'input.not-batch-output',
    `${out} is not the output folder of a lede batch (${why})`,
    {
      file: out,
      hint: 'pass the folder given to `lede batch --out` (it holds summary.json or manifest.json)',
    },
  );
}

async function readSummary(out: string): Promise<BatchSummary | null> {
  const path = join(out, summaryFileName);
  const text = await readIfPresent(path);
  if (text === undefined) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError('input.not-batch-output', `${path} is not valid JSON`, {
      file: path,
      hint: 'run the batch again to rewrite it (finished letters are kept)',
      cause: error,
    });
  }
  const parsed = BatchSummarySchema.safeParse(data);
  if (!parsed.success) {
    throw new InputError('input.not-batch-output', `${path} is not a lede batch summary`, {
      file: path,
      hint: 'run the batch again to rewrite it (finished letters are kept)',
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** A posting's report JSON, checked; a report that cannot be used says why instead. */
export async function readPostingResult(out: string, row: BatchRow): Promise<GatheredPosting> {
  const found = await readResult(out, row);
  return { row, ...found };
}

async function readResult(out: string, row: BatchRow): Promise<Omit<GatheredPosting, 'row'>> {
  const name = row.outputs?.reportJson;
  if (name === undefined) return { result: null, reportProblem: null };
  // File names come from the folder's own summary: never let one reach outside it.
  if (basename(name) !== name || name.startsWith('.')) {
    return { result: null, reportProblem: `the report name ${JSON.stringify(name)} is not a file name` };
  }
  let text: string | undefined;
  try {
    text = await readIfPresent(join(out, name));
  } catch (error) {
    return {
      result: null,
      reportProblem: `${name} cannot be read (${(error as NodeJS.ErrnoException).code})`,
    };
  }
  if (text === undefined) return { result: null, reportProblem: `${name} is missing` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { result: null, reportProblem: `${name} is not valid JSON` };
  }
  const parsed = PipelineResultSchema.safeParse(data);
  return parsed.success
    ? { result: parsed.data, reportProblem: null }
    : { result: null, reportProblem: `${name} is not a lede report` };
}

/**
 * Reads what a batch left in its output folder: summary.json's rows (the manifest's, for postings finished after the
 * summary or when the batch stopped before writing one). A folder with neither summary nor manifest is an InputError
 * that says which folder to pass.
 */
export async function gatherBatchOutput(out: string): Promise<BatchOutput> {
  const folder = await stat(out).catch(() => null);
  if (folder === null) throw notBatchOutput(out, 'it does not exist');
  if (!folder.isDirectory()) throw notBatchOutput(out, 'it is a file');
  const summary = await readSummary(out);
  const summaryTime = await modifiedAt(join(out, summaryFileName));
  const manifestTime = Math.max(
    await modifiedAt(join(out, manifestFileName)),
    await modifiedAt(join(out, journalFileName)),
  );
  if (summary === null && manifestTime === -1)
    throw notBatchOutput(out, 'no summary.json or manifest.json in it');

  const rows = new Map<string, BatchRow>((summary?.rows ?? []).map((row) => [row.posting, row]));
  // The manifest tells more than the summary only when it changed after it (a later run that stopped early).
  if (manifestTime > summaryTime) {
    const manifest = await loadManifest(out);
    const summaryTime = summary === null ? '' : summary.finishedAt;
    for (const entry of Object.values(manifest.entries)) {
      const row = rows.get(entry.posting);
      // A posting finished after the summary was written (a later, interrupted run) shows its newer state.
      if (row === undefined || entry.finishedAt > summaryTime)
        rows.set(entry.posting, rowFromEntry(entry, false));
    }
  }
  return { out, summary, rows: [...rows.values()] };
}
