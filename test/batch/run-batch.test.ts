import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchSummarySchema } from '../../src/batch/batch-summary.js';
import { ManifestSchema } from '../../src/batch/manifest.js';
import { checkBatch } from '../../src/critic/check-batch.js';
import { noUsage } from '../../src/pipeline/usage.js';
import {
  batchDeps,
  batchOptions,
  folderWith,
  listFiles,
  postingText,
  profileAndPlaybooks,
  recordingProgress,
  runDirect,
  temporaryFolder,
} from './batch-fixtures.js';
import { createFakeEngine, defaultDraft } from './fake-engine.js';

const twoCalls = { calls: 2, promptTokens: 2000, completionTokens: 400, cachedCalls: 0 };

describe('runBatch', () => {
  it('prices only the tokens it paid for: calls answered from the response cache cost $0', async () => {
    const folder = await folderWith({ 'acme.txt': postingText('Acme Robotics') });
    const price = { input: 1, output: 1 };
    const cachedCall = {
      calls: 1,
      promptTokens: 1000,
      completionTokens: 200,
      cachedCalls: 1,
      cachedPromptTokens: 1000,
      cachedCompletionTokens: 200,
    };
    const paid = await runDirect(
      batchOptions(folder, await temporaryFolder(), { price }),
      await batchDeps(createFakeEngine()),
    );
    const cached = await runDirect(
      batchOptions(folder, await temporaryFolder(), { price }),
      await batchDeps(createFakeEngine({ usage: cachedCall })),
    );
    expect(paid.summary.estimatedCostUsd).toBeCloseTo(2400 / 1e6, 12);
    expect(cached.summary.usage).toMatchObject({ calls: 2, cachedCalls: 2, promptTokens: 2000 });
    expect(cached.summary.estimatedCostUsd).toBe(0);
  });

  it('writes one letter and one report per posting, skips what is not a posting, and summarises', async () => {
    const folder = await folderWith({
      'acme.txt': postingText('Acme Robotics'),
      'Bank Role.md': postingText('Northwind Bank', 'The bank needs fraud models.'),
      'globex.html': `<html><body><p>${postingText('Globex')}</p></body></html>`,
      '.hidden.txt': postingText('Hidden'),
      'notes.odt': 'not a posting',
      'archive/old.txt': postingText('Old'),
    });
    const out = await temporaryFolder();
    const engine = createFakeEngine();
    const progress = recordingProgress();

    const { summary, fatal } = await runDirect(
      batchOptions(folder, out, { concurrency: 1 }),
      await batchDeps(engine, { progress }),
    );

    expect(fatal).toBeUndefined();
    expect(summary.rows).toEqual([
      {
        posting: 'Bank Role.md',
        status: 'passed',
        unchanged: false,
        industry: 'finance',
        company: 'Northwind Bank',
        attempts: 1,
        words: 19,
        outputs: {
          letter: 'bank-role-103a2b.letter.md',
          report: 'bank-role-103a2b.report.md',
          reportJson: 'bank-role-103a2b.report.json',
        },
        failedRules: [],
        error: null,
        usage: twoCalls,
      },
      expect.objectContaining({
        posting: 'acme.txt',
        status: 'passed',
        industry: 'tech',
        company: 'Acme Robotics',
      }),
      expect.objectContaining({
        posting: 'globex.html',
        status: 'passed',
        industry: 'tech',
        company: 'Globex',
      }),
    ]);
    expect(summary.skippedFiles).toEqual([
      { relative: '.hidden.txt', reason: 'hidden file' },
      { relative: 'archive/', reason: 'subfolder (pass --recursive to include it)' },
      {
        relative: 'notes.odt',
        reason: 'unsupported extension ".odt" (lede reads .txt, .md, .html, .htm, .pdf, .docx)',
      },
    ]);
    expect(summary.counts).toEqual({
      postings: 3,
      passed: 3,
      passedAfterRevision: 0,
      failed: 0,
      badInput: 0,
      error: 0,
      unchanged: 0,
      notRun: 0,
    });
    expect(summary.usage).toEqual({ calls: 6, promptTokens: 6000, completionTokens: 1200, cachedCalls: 0 });
    expect(summary.exitCode).toBe(0);
    expect(await listFiles(out)).toEqual([
      'acme-d2bedf.letter.md',
      'acme-d2bedf.report.json',
      'acme-d2bedf.report.md',
      'bank-role-103a2b.letter.md',
      'bank-role-103a2b.report.json',
      'bank-role-103a2b.report.md',
      'globex-d945d0.letter.md',
      'globex-d945d0.report.json',
      'globex-d945d0.report.md',
      'manifest.json',
      'summary.json',
    ]);
    expect(await readFile(join(out, 'acme-d2bedf.letter.md'), 'utf8')).toBe(
      'Dear Hiring Manager,\n\nI cut inference latency by 40% at Streamline, and I would like to do the same for Acme Robotics.\n\nBest,\nPriya Raman\n',
    );
    const report = JSON.parse(await readFile(join(out, 'acme-d2bedf.report.json'), 'utf8'));
    expect(report).toMatchObject({
      source: 'acme.txt',
      status: 'passed',
      analysis: { company: 'Acme Robotics' },
    });
    expect(BatchSummarySchema.parse(JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')))).toEqual(
      summary,
    );
    expect(progress.lines).toEqual([
      'start 3',
      '1/3 passed Bank Role.md',
      '2/3 passed acme.txt',
      '3/3 passed globex.html',
      'finish',
    ]);
  });

  it('reports a bad posting and goes on with the others (exit 2)', async () => {
    const folder = await folderWith({
      'empty.txt': '   ',
      'short.md': 'ML engineer wanted.',
      'binary.txt': 'abc\u0000def',
      'good.txt': postingText('Acme Robotics'),
    });
    const out = await temporaryFolder();

    const { summary } = await runDirect(batchOptions(folder, out), await batchDeps(createFakeEngine()));

    expect(summary.rows.map((row) => [row.posting, row.status, row.error?.code ?? null])).toEqual([
      ['binary.txt', 'bad-input', 'posting.binary'],
      ['empty.txt', 'bad-input', 'posting.empty'],
      ['good.txt', 'passed', null],
      ['short.md', 'bad-input', 'posting.too-short'],
    ]);
    expect(summary.exitCode).toBe(2);
  });

  it('revises letters that fail a rule, and exits 1 with a histogram of the rules still failing', async () => {
    const folder = await folderWith({
      'fixed.txt': postingText('Acme Robotics'),
      'stuck.txt': postingText('Northwind Bank'),
    });
    const out = await temporaryFolder();
    const engine = createFakeEngine({
      draft: (company, source) =>
        source === 'stuck.txt'
          ? `Dear team,\n\nTODO and TODO.\n\nBest,\nPriya`
          : `Dear team,\n\nTODO I built it for ${company}.\n\nBest,\nPriya`,
    });

    const { summary } = await runDirect(batchOptions(folder, out), await batchDeps(engine));

    expect(summary.rows.map((row) => [row.posting, row.status, row.attempts, row.failedRules])).toEqual([
      ['fixed.txt', 'passed-after-revision', 2, []],
      ['stuck.txt', 'failed', 2, ['no-todo']],
    ]);
    expect(summary.failureHistogram).toEqual({ finance: { 'no-todo': 1 } });
    expect(summary.exitCode).toBe(1);
  });

  it('gives postings with the same name different output files', async () => {
    const folder = await folderWith({
      'acme.txt': postingText('Acme One'),
      'Acme.md': postingText('Acme Two'),
      'east/acme.txt': postingText('Acme Three'),
      'west/acme.txt': postingText('Acme Four'),
    });
    const out = await temporaryFolder();

    const { summary } = await runDirect(
      batchOptions(folder, out, { recursive: true }),
      await batchDeps(createFakeEngine()),
    );

    const letters = summary.rows.map((row) => row.outputs?.letter);
    expect(new Set(letters).size).toBe(4);
    expect(letters.every((name) => /^acme-[0-9a-f]{6}\.letter\.md$/.test(name ?? ''))).toBe(true);
    const companies = await Promise.all(
      summary.rows.map(
        async (row) =>
          (await readFile(join(out, row.outputs?.letter ?? ''), 'utf8')).match(/for (Acme \w+)/)?.[1],
      ),
    );
    expect(companies).toEqual(['Acme Two', 'Acme One', 'Acme Three', 'Acme Four']);
  });

  it('records every posting in the manifest with its input hash, status and files', async () => {
    const folder = await folderWith({ 'acme.txt': postingText('Acme Robotics'), 'short.txt': 'too short' });
    const out = await temporaryFolder();

    await runDirect(batchOptions(folder, out), await batchDeps(createFakeEngine()));

    const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')));
    expect(Object.keys(manifest.entries)).toEqual(['acme.txt', 'short.txt']);
    expect(manifest.entries['acme.txt']).toEqual({
      posting: 'acme.txt',
      inputHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      status: 'passed',
      outputs: {
        letter: 'acme-d2bedf.letter.md',
        report: 'acme-d2bedf.report.md',
        reportJson: 'acme-d2bedf.report.json',
      },
      industry: 'tech',
      company: 'Acme Robotics',
      attempts: 1,
      words: 19,
      usage: twoCalls,
      failedRules: [],
      error: null,
      finishedAt: expect.any(String),
    });
    expect(manifest.entries['short.txt']).toMatchObject({
      status: 'bad-input',
      outputs: null,
      usage: noUsage,
    });
  });

  it('checks the letters against each other: naming the company of another posting fails the batch (exit 1)', async () => {
    const folder = await folderWith({
      'acme.txt': postingText('Acme Robotics'),
      'globex.txt': postingText('Globex'),
    });
    const out = await temporaryFolder();
    const engine = createFakeEngine({
      draft: (company, source) => defaultDraft(source === 'acme.txt' ? 'Globex' : company),
    });
    const { playbooks } = await profileAndPlaybooks();

    const { summary } = await runDirect(
      batchOptions(folder, out),
      await batchDeps(engine, { checkBatch: (letters) => checkBatch(letters, playbooks.common) }),
    );

    expect(summary.rows.map((row) => row.status)).toEqual(['passed', 'passed']);
    expect(
      summary.batchFindings.map((finding) => [finding.source, finding.ruleId, finding.severity]),
    ).toEqual([['acme.txt', 'batch-own-company', 'error']]);
    expect(summary.exitCode).toBe(1);
  });
});
