import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchSummarySchema } from '../../src/batch/batch-summary.js';
import { LlmError } from '../../src/errors.js';
import { createFakeEngine } from '../support/fake-engine.js';
import { experiencedProfile, orbitlyAnalysis, orbitlyPosting, strongOrbitlyLetter } from './examples.js';
import { runLede, temporaryFolder } from './run-lede.js';

const techIndustry = { industry: 'tech', confidence: 0.9, signals: ['ml platform'] };

function orbitlyEngine() {
  return createFakeEngine({
    industry: techIndustry,
    analysis: orbitlyAnalysis,
    letters: [strongOrbitlyLetter],
    usedFactIds: ['realtime-serving', 'churn-model'],
  });
}

/** A postings folder: the Orbitly posting twice under one name in two folders, a too-short one and a PDF. */
async function postingsFolder(): Promise<string> {
  const cwd = await temporaryFolder();
  await mkdir(join(cwd, 'postings', 'remote'), { recursive: true });
  await copyFile(orbitlyPosting, join(cwd, 'postings', 'orbitly.md'));
  await copyFile(orbitlyPosting, join(cwd, 'postings', 'remote', 'orbitly.md'));
  await writeFile(join(cwd, 'postings', 'short.txt'), 'ML engineer wanted.');
  await writeFile(join(cwd, 'postings', 'brochure.odt'), '%PDF-1.4');
  return cwd;
}

describe('lede batch', () => {
  it('writes a letter and reports per posting, prints the summary table, and exits 2 for a bad posting', async () => {
    const cwd = await postingsFolder();

    const run = await runLede(
      [
        'batch',
        'postings',
        '--profile',
        experiencedProfile,
        '--out',
        'letters',
        '--recursive',
        '--concurrency',
        '1',
      ],
      { cwd, engine: orbitlyEngine() },
    );

    expect(run.exitCode).toBe(2);
    const table = run.stdout.split('\n').slice(0, 5);
    expect(table).toEqual([
      'posting            industry  company  status     attempts  words',
      '-----------------  --------  -------  ---------  --------  -----',
      'orbitly.md         tech      Orbitly  passed     1         117',
      'remote/orbitly.md  tech      Orbitly  passed     1         117',
      'short.txt          -         -        bad-input  -         -',
    ]);
    expect(run.stdout).toContain(
      '3 postings: 2 passed, 0 passed after revision, 0 failed the rules, 1 bad input.',
    );
    expect(run.stdout).toContain(
      '  brochure.odt: unsupported extension ".odt" (lede reads .txt, .md, .html, .htm, .pdf, .docx)',
    );
    // The same posting twice gives the same letter twice: the batch-level check says so (a warning, not a failure).
    expect(run.stdout).toContain(
      '  orbitly.md (warning, batch-unique-opening): Rewrite the opening paragraph for Orbitly: it is the same as in 1 other letter of this batch (remote/orbitly.md).',
    );
    expect(run.stdout).toContain(
      '  short.txt: short.txt has only 3 words; that is not enough to tailor a letter',
    );
    expect(run.stderr).toBe(
      [
        'lede batch: 3 postings to do',
        '[1/3] passed orbitly.md',
        '[2/3] passed remote/orbitly.md',
        '[3/3] bad-input short.txt',
        '',
      ].join('\n'),
    );
    const files = (await readdir(join(cwd, 'letters'))).sort();
    expect(files.filter((name) => name.endsWith('.letter.md'))).toEqual([
      'orbitly-8d6440.letter.md',
      'orbitly-a6644c.letter.md',
    ]);
    expect(files).toContain('manifest.json');
    expect(files).toContain('summary.json');
    expect(await readFile(join(cwd, 'letters', 'orbitly-8d6440.letter.md'), 'utf8')).toBe(
      `${strongOrbitlyLetter}\n`,
    );
    expect(await readFile(join(cwd, 'letters', 'orbitly-8d6440.report.md'), 'utf8')).toMatch(
      /^# Report: orbitly\.md\n\n- Status: passed \(attempt 1 of 1\)/,
    );
  });

  it('prints summary.json with --json and stays quiet on stderr with --quiet', async () => {
    const cwd = await postingsFolder();

    const run = await runLede(
      ['batch', 'postings', '--profile', experiencedProfile, '--out', 'letters', '--json', '--quiet'],
      { cwd, engine: orbitlyEngine() },
    );

    const summary = BatchSummarySchema.parse(JSON.parse(run.stdout));
    expect(run.stderr).toBe('');
    expect(summary.rows.map((row) => [row.posting, row.status])).toEqual([
      ['orbitly.md', 'passed'],
      ['short.txt', 'bad-input'],
    ]);
    expect(summary.skippedFiles.map((file) => file.relative)).toEqual(['brochure.odt', 'remote/']);
    expect(summary.out).toBe(join(cwd, 'letters'));
    expect(run.stdout).toBe(await readFile(join(cwd, 'letters', 'summary.json'), 'utf8'));
  });

  it('estimates a dry run without an engine, a key or an output folder', async () => {
    const cwd = await postingsFolder();

    const run = await runLede(
      [
        'batch',
        'postings',
        '--profile',
        experiencedProfile,
        '--out',
        'letters',
        '--dry-run',
        '--engine',
        'openai',
      ],
      { cwd },
    );

    expect(run.exitCode).toBe(0);
    expect(run.stdout.split('\n').slice(0, 5)).toEqual([
      `2 postings in ${join(cwd, 'postings')}: 1 to do, 0 unchanged since the last run, 1 that lede cannot use (empty, too short, unreadable, or not English for the offline engine).`,
      expect.stringMatching(
        /^Estimate for the 1 to do: 1-4 LLM calls, \d+-\d+ tokens \(low: every first draft passes; high: every attempt is used\)\.$/,
      ),
      '',
      'model                   low      high',
      '----------------------  -------  -------',
    ]);
    expect(run.stdout).toMatch(/gpt-4o-mini \(selected\) {2}\$0\.\d{4} {2}\$0\.\d{4}/);
    expect(await readdir(cwd)).toEqual(['postings']);
  });

  it('prices a dry run at the Batch API discount with --via batch-api, as JSON with --json', async () => {
    const cwd = await postingsFolder();
    const args = [
      'batch',
      'postings',
      '--profile',
      experiencedProfile,
      '--out',
      'letters',
      '--dry-run',
      '--json',
    ];

    const direct = JSON.parse((await runLede([...args, '--engine', 'openai'], { cwd })).stdout);
    const batched = JSON.parse(
      (await runLede([...args, '--engine', 'openai', '--via', 'batch-api'], { cwd })).stdout,
    );

    expect(batched.via).toBe('batch-api');
    expect(batched.estimate).toEqual(direct.estimate);
    expect(batched.costs[0].model).toBe('gpt-4o-mini');
    expect(batched.costs[0].lowUsd).toBeCloseTo(direct.costs[0].lowUsd / 2, 12);
    expect(batched.costs[0].highUsd).toBeCloseTo(direct.costs[0].highUsd / 2, 12);
  });

  it('stops the whole batch on a quota error, prints the summary, then the error (exit 3)', async () => {
    const cwd = await postingsFolder();
    const engine = orbitlyEngine();
    engine.readPosting = async () => {
      throw new LlmError(
        'llm.quota',
        'http://localhost/v1 (model fake) says the account has no quota left (HTTP 429)',
        {
          status: 429,
        },
      );
    };

    const run = await runLede(
      ['batch', 'postings', '--profile', experiencedProfile, '--out', 'letters', '--concurrency', '1'],
      {
        cwd,
        engine,
      },
    );

    expect(run.exitCode).toBe(3);
    expect(run.stdout).toContain('orbitly.md  -         -        error');
    expect(run.stdout).toContain('short.txt   -         -        not-run');
    expect(run.stderr).toContain('says the account has no quota left (HTTP 429)');
  });

  it('refuses bad batch options with the flag and what it accepts', async () => {
    const cwd = await postingsFolder();
    const base = ['batch', 'postings', '--profile', experiencedProfile];

    const concurrency = await runLede([...base, '--out', 'letters', '--concurrency', '0'], {
      cwd,
      engine: orbitlyEngine(),
    });
    const inside = await runLede([...base, '--out', 'postings'], { cwd, engine: orbitlyEngine() });
    const noPrice = await runLede(
      [...base, '--out', 'letters', '--max-cost', '5', '--engine', 'openai', '--model', 'llama3.1:8b'],
      {
        cwd,
        env: { OPENAI_BASE_URL: 'http://localhost:11434/v1' },
      },
    );

    expect([concurrency.exitCode, inside.exitCode, noPrice.exitCode]).toEqual([2, 2, 2]);
    expect(concurrency.stderr).toContain('--concurrency must be a whole number from 1 to 256 (got "0")');
    expect(inside.stderr).toContain('is (or holds) the postings folder');
    expect(noPrice.stderr).toContain('--max-cost needs a price for model llama3.1:8b, and lede has none');
  });
});
