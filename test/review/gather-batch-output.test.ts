import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  type GatheredPosting,
  gatherBatchOutput,
  readPostingResult,
} from '../../src/review/gather-batch-output.js';
import { newTemporaryFolder } from '../support/temporary-folder.js';
import { writeBatchOutput } from './support/batch-output.js';
import { sampleBatch } from './support/sample-batch.js';

/** Every posting of the folder with its report read, as the page reads them. */
async function gatherAll(out: string): Promise<GatheredPosting[]> {
  const output = await gatherBatchOutput(out);
  return Promise.all(output.rows.map((row) => readPostingResult(out, row)));
}

describe('gatherBatchOutput and readPostingResult', () => {
  it("reads the summary's rows and each posting's report JSON", async () => {
    const out = await newTemporaryFolder('review');
    await writeBatchOutput(out, sampleBatch);
    expect((await gatherBatchOutput(out)).summary?.counts.postings).toBe(4);
    expect(
      (await gatherAll(out)).map(({ row, result, reportProblem }) => [
        row.posting,
        row.status,
        result?.analysis.company ?? null,
        reportProblem,
      ]),
    ).toEqual([
      ['orbitly.txt', 'failed', 'Orbitly', null],
      ['harborline.txt', 'passed', 'Harborline Bank', null],
      ['fernway.txt', 'passed-after-revision', 'Fernway Grocers', null],
      ['kestrel.txt', 'error', null, null],
    ]);
  });

  it('reads the manifest when the batch stopped before writing a summary', async () => {
    const out = await newTemporaryFolder('review');
    await writeBatchOutput(out, sampleBatch.slice(0, 2), { summary: false });
    expect((await gatherBatchOutput(out)).summary).toBeNull();
    expect((await gatherAll(out)).map(({ row, result }) => [row.posting, result?.status])).toEqual([
      ['orbitly.txt', 'failed'],
      ['harborline.txt', 'passed'],
    ]);
  });

  it('shows the newer state of a posting a later, stopped run finished after the summary', async () => {
    const out = await newTemporaryFolder('review');
    await writeBatchOutput(out, sampleBatch);
    const later = await newTemporaryFolder('review');
    await writeBatchOutput(later, [{ ...sampleBatch[3], posting: 'kestrel.txt', status: 'passed' }], {
      summary: false,
    });
    const manifest = JSON.parse(await readFile(join(later, 'manifest.json'), 'utf8'));
    manifest.entries['kestrel.txt'].finishedAt = '2026-12-07T11:00:00.000Z';
    manifest.entries['kestrel.txt'].outputs = null;
    await writeFile(join(out, 'manifest.json'), JSON.stringify(manifest));
    const future = new Date(Date.now() + 60_000);
    await utimes(join(out, 'manifest.json'), future, future);
    const rows = (await gatherBatchOutput(out)).rows;
    expect(rows.map((row) => [row.posting, row.status])).toEqual([
      ['orbitly.txt', 'failed'],
      ['harborline.txt', 'passed'],
      ['fernway.txt', 'passed-after-revision'],
      ['kestrel.txt', 'passed'],
    ]);
  });

  it('says what is wrong with a report it cannot use, and never reads outside the folder', async () => {
    const out = await newTemporaryFolder('review');
    await writeBatchOutput(out, sampleBatch.slice(0, 2));
    const summaryPath = join(out, 'summary.json');
    const summary = JSON.parse(await readFile(summaryPath, 'utf8'));
    summary.rows[0].outputs.reportJson = '../secret.json';
    await writeFile(summaryPath, JSON.stringify(summary));
    await writeFile(join(out, summary.rows[1].outputs.reportJson), '{"not": "a report"}');
    expect((await gatherAll(out)).map((posting) => posting.reportProblem)).toEqual([
      'the report name "../secret.json" is not a file name',
      'harborline-txt.report.json is not a lede report',
    ]);
  });

  it('refuses a folder that is not a batch output, naming it and what to pass instead', async () => {
    const out = await newTemporaryFolder('review');
    await mkdir(join(out, 'empty'));
    const error = await gatherBatchOutput(join(out, 'empty')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({
      code: 'input.not-batch-output',
      message: `${join(out, 'empty')} is not the output folder of a lede batch (no summary.json or manifest.json in it)`,
      hint: 'pass the folder given to `lede batch --out` (it holds summary.json or manifest.json)',
    });
    await expect(gatherBatchOutput(join(out, 'missing'))).rejects.toMatchObject({
      code: 'input.not-batch-output',
      message: `${join(out, 'missing')} is not the output folder of a lede batch (it does not exist)`,
    });
  });

  it('refuses a summary.json that is not a batch summary', async () => {
    const out = await newTemporaryFolder('review');
    await writeFile(join(out, 'summary.json'), '{"rows": 3}');
    await expect(gatherBatchOutput(out)).rejects.toMatchObject({
      code: 'input.not-batch-output',
      message: `${join(out, 'summary.json')} is not a lede batch summary`,
    });
  });
});
