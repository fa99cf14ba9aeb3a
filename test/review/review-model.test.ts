import { describe, expect, it } from 'vitest';
import {
  type BatchOutput,
  gatherBatchOutput,
  readPostingResult,
} from '../../src/review/gather-batch-output.js';
import {
  buildReviewPage,
  letterPieces,
  type ReviewPosting,
  reviewPosting,
} from '../../src/review/review-model.js';
import { newTemporaryFolder } from '../support/temporary-folder.js';
import { writeBatchOutput } from './support/batch-output.js';
import { sampleBatch } from './support/sample-batch.js';

async function sampleOutput(): Promise<BatchOutput> {
  const out = await newTemporaryFolder('review');
  await writeBatchOutput(out, sampleBatch, { costUsd: 0.0123 });
  return gatherBatchOutput(out);
}

async function postingsOf(output: BatchOutput): Promise<ReviewPosting[]> {
  return Promise.all(
    output.rows.map(async (row, at) => reviewPosting(await readPostingResult(output.out, row), at + 1)),
  );
}

describe('letterPieces', () => {
  it('cuts the letter at every mark edge, so overlapping marks each know their pieces', () => {
    const pieces = letterPieces('abcdefgh', [
      { start: 1, end: 5, finding: { id: 'f1', severity: 'error' } },
      { start: 3, end: 7, claim: 'c1' },
      { start: 6, end: 8, hook: true },
    ]);
    expect(pieces).toEqual([
      { text: 'a', findings: [], claim: null, hook: false },
      { text: 'bc', findings: [{ id: 'f1', severity: 'error' }], claim: null, hook: false },
      { text: 'de', findings: [{ id: 'f1', severity: 'error' }], claim: 'c1', hook: false },
      { text: 'f', findings: [], claim: 'c1', hook: false },
      { text: 'g', findings: [], claim: 'c1', hook: true },
      { text: 'h', findings: [], claim: null, hook: true },
    ]);
    expect(pieces.map((piece) => piece.text).join('')).toBe('abcdefgh');
  });
});

describe('buildReviewPage', () => {
  it('counts the batch by status and industry, with its cost, and numbers its postings', async () => {
    const model = buildReviewPage(await sampleOutput());
    expect({
      counts: model.counts,
      industries: model.industries,
      cost: model.costUsd,
      stopped: model.stopped,
    }).toEqual({
      counts: {
        postings: 4,
        passed: 1,
        passedAfterRevision: 1,
        failed: 1,
        badInput: 0,
        error: 1,
        unchanged: 0,
        notRun: 0,
      },
      industries: [
        { industry: 'finance', postings: 1 },
        { industry: 'retail', postings: 1 },
        { industry: 'tech', postings: 1 },
        { industry: 'unknown', postings: 1 },
      ],
      cost: 0.0123,
      stopped: null,
    });
    expect(model.index.map(({ id, posting, ok }) => [id, posting, ok])).toEqual([
      ['p1', 'orbitly.txt', false],
      ['p2', 'harborline.txt', true],
      ['p3', 'fernway.txt', true],
      ['p4', 'kestrel.txt', false],
    ]);
  });

  it('says the batch stopped early when there is no summary', async () => {
    const out = await newTemporaryFolder('review');
    await writeBatchOutput(out, sampleBatch.slice(0, 1), { summary: false });
    expect(buildReviewPage(await gatherBatchOutput(out)).stopped).toBe(
      'the batch stopped before writing summary.json; this page shows what it finished',
    );
  });
});

describe('reviewPosting', () => {
  it('marks each finding at its evidence, each claim and the hook on the letter, and keeps the text whole', async () => {
    const [orbitly] = await postingsOf(await sampleOutput());
    const marked = orbitly?.letter
      .filter((piece) => piece.findings.length > 0 || piece.claim !== null || piece.hook)
      .map((piece) => [piece.text, piece.findings.map((finding) => finding.id), piece.claim, piece.hook]);
    expect(marked).toEqual([
      ['Streamline', [], 'p1-c1', false],
      ['40%', [], 'p1-c2', false],
      ['Redis', [], 'p1-c3', false],
      ['Globex', ['p1-f1'], 'p1-c4', false],
      ['I am excited about', ['p1-f2'], null, false],
      ['real-time ranking service', [], null, true],
    ]);
    expect(orbitly?.letter.map((piece) => piece.text).join('')).toBe(sampleBatch[0]?.letter);
    expect(orbitly?.findings.map((finding) => [finding.id, finding.ruleId, finding.highlighted])).toEqual([
      ['p1-f1', 'grounded-claims', true],
      ['p1-f2', 'no-stock-opener', true],
      ['p1-f3', 'names-tools', false],
    ]);
    expect(orbitly?.hook).toEqual({
      text: 'real-time ranking service',
      evidence: 'This year we are rebuilding our real-time ranking service for every customer.',
      inLetter: true,
    });
  });

  it('finds a quote whose offsets no longer hold by its words, and drops one the letter does not hold', async () => {
    const out = await newTemporaryFolder('review');
    const letter = 'Dear team,\n\nAt Globex, I did it.\n\nBest,\nPriya';
    await writeBatchOutput(out, [
      {
        posting: 'a.txt',
        status: 'failed',
        letter,
        findings: [
          {
            ruleId: 'r1',
            severity: 'error',
            message: 'fix 1',
            evidence: { text: 'Globex', start: 0, end: 6 },
          },
          {
            ruleId: 'r2',
            severity: 'error',
            message: 'fix 2',
            evidence: { text: 'Initech', start: 3, end: 10 },
          },
        ],
      },
    ]);
    const [posting] = await postingsOf(await gatherBatchOutput(out));
    expect(posting?.findings.map((finding) => finding.highlighted)).toEqual([true, false]);
    expect(posting?.letter.find((piece) => piece.findings.length > 0)?.text).toBe('Globex');
  });

  it('shows a posting without a report by its row: status, error, no letter', async () => {
    const kestrel = (await postingsOf(await sampleOutput()))[3];
    expect(kestrel).toMatchObject({
      id: 'p4',
      posting: 'kestrel.txt',
      status: 'error',
      ok: false,
      error: { code: 'llm.server', message: 'the model endpoint answered 500 three times' },
      letter: [],
      findings: [],
    });
  });
});
