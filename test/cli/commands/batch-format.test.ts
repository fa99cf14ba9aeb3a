import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchSummarySchema } from '../../../src/batch/batch-summary.js';
import { ManifestSchema } from '../../../src/batch/manifest.js';
import { letterParagraphs } from '../../../src/output/letter-document.js';
import { createFakeEngine } from '../../support/fake-engine.js';
import { docxParagraphs, pdfContent } from '../../support/written-document.js';
import {
  example,
  experiencedProfile,
  orbitlyAnalysis,
  orbitlyPosting,
  strongOrbitlyLetter,
} from '../examples.js';
import { runLede, temporaryFolder } from '../run-lede.js';

function orbitlyEngine() {
  return createFakeEngine({
    industry: { industry: 'tech', confidence: 0.9, signals: ['ml platform'] },
    analysis: orbitlyAnalysis,
    letters: [strongOrbitlyLetter],
    usedFactIds: ['realtime-serving', 'churn-model'],
  });
}

const now = () => new Date(2026, 11, 7, 12).getTime();

async function orbitlyFolder(): Promise<string> {
  const cwd = await temporaryFolder();
  await mkdir(join(cwd, 'postings'));
  await copyFile(orbitlyPosting, join(cwd, 'postings', 'orbitly.md'));
  return cwd;
}

function batch(cwd: string, engine: ReturnType<typeof orbitlyEngine>, ...flags: string[]) {
  return runLede(
    ['batch', 'postings', '--profile', experiencedProfile, '--out', 'letters', '--quiet', ...flags],
    {
      cwd,
      engine,
      now,
    },
  );
}

async function manifestOutputs(cwd: string) {
  const manifest = ManifestSchema.parse(
    JSON.parse(await readFile(join(cwd, 'letters', 'manifest.json'), 'utf8')),
  );
  return manifest.entries['orbitly.md']?.outputs;
}

describe('lede batch --format', () => {
  it('writes each letter as <name>.letter.docx beside the Markdown letter, and records both', async () => {
    const cwd = await orbitlyFolder();
    const run = await batch(cwd, orbitlyEngine(), '--format', 'docx', '--json');
    expect(run.exitCode).toBe(0);
    const summary = BatchSummarySchema.parse(JSON.parse(run.stdout));
    const outputs = summary.rows[0]?.outputs;
    expect(outputs?.document).toMatch(/^orbitly-[0-9a-f]{6}\.letter\.docx$/);
    expect(await manifestOutputs(cwd)).toEqual(outputs);
    expect((await readdir(join(cwd, 'letters'))).sort()).toEqual(
      [
        outputs?.document,
        outputs?.letter,
        outputs?.report,
        outputs?.reportJson,
        'manifest.json',
        'review.html',
        'summary.json',
      ].sort(),
    );
    const paragraphs = docxParagraphs(await readFile(join(cwd, 'letters', outputs?.document ?? '')));
    expect(paragraphs.slice(0, 4)).toEqual([
      'Priya Raman',
      'Seattle, WA · priya.raman@example.com · github.com/priya-raman-example',
      'December 7, 2026',
      'Orbitly\nRe: Senior Machine Learning Engineer, ML Platform',
    ]);
    expect(paragraphs.slice(4)).toEqual(
      letterParagraphs(strongOrbitlyLetter).map((lines) => lines.join('\n')),
    );
    expect(await readFile(join(cwd, 'letters', outputs?.letter ?? ''), 'utf8')).toBe(
      `${strongOrbitlyLetter}\n`,
    );
  });

  it('on a rerun in another format keeps every letter, asks no model, and writes only the new file', async () => {
    const cwd = await orbitlyFolder();
    await batch(cwd, orbitlyEngine(), '--format', 'docx');
    const first = await manifestOutputs(cwd);

    const engine = orbitlyEngine();
    const rerun = await batch(cwd, engine, '--format', 'pdf', '--json');
    const row = BatchSummarySchema.parse(JSON.parse(rerun.stdout)).rows[0];
    expect({ exitCode: rerun.exitCode, calls: engine.calls.length, unchanged: row?.unchanged }).toEqual({
      exitCode: 0,
      calls: 0,
      unchanged: true,
    });
    const pdf = row?.outputs?.document ?? '';
    expect(pdf).toBe(first?.document?.replace(/\.docx$/, '.pdf'));
    expect(await manifestOutputs(cwd)).toEqual({ ...first, document: pdf });
    const { pages, text } = await pdfContent(await readFile(join(cwd, 'letters', pdf)));
    expect(pages).toBe(1);
    expect(text).toContain('Re: Senior Machine Learning Engineer, ML Platform');
    // The docx of the first run is still there: a finished letter is never removed.
    expect(await readdir(join(cwd, 'letters'))).toContain(first?.document);
  });

  it('refuses a format lede does not write before any work', async () => {
    const cwd = await orbitlyFolder();
    const engine = orbitlyEngine();
    const run = await batch(cwd, engine, '--format', 'odt');
    expect({
      exitCode: run.exitCode,
      firstLine: run.stderr.split('\n')[0],
      calls: engine.calls.length,
    }).toEqual({
      exitCode: 2,
      firstLine: 'error: --format odt is not a format lede writes (it writes md, txt, html, docx, pdf)',
      calls: 0,
    });
  });

  it('fits every bundled example letter of the offline engine on one PDF page', async () => {
    const cwd = await temporaryFolder();
    const run = await runLede(
      [
        'batch',
        example('postings'),
        '--profile',
        experiencedProfile,
        '--out',
        'letters',
        '--engine',
        'offline',
        '--format',
        'pdf',
        '--json',
      ],
      { cwd, now },
    );
    const rows = BatchSummarySchema.parse(JSON.parse(run.stdout)).rows;
    expect(rows).toHaveLength(6);
    const pages = await Promise.all(
      rows.map(
        async (row) =>
          (await pdfContent(await readFile(join(cwd, 'letters', row.outputs?.document ?? '')))).pages,
      ),
    );
    expect(pages).toEqual([1, 1, 1, 1, 1, 1]);
  });
});
