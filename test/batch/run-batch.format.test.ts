import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestSchema } from '../../src/batch/manifest.js';
import { assignOutputStems } from '../../src/batch/output-names.js';
import type { LetterRecipient } from '../../src/output/letter-document.js';
import {
  batchDeps,
  batchOptions,
  folderWith,
  listFiles,
  postingText,
  recordingProgress,
  runDirect,
  temporaryFolder,
} from './batch-fixtures.js';
import { createFakeEngine } from './fake-engine.js';

const stem = assignOutputStems(['acme.txt']).get('acme.txt') ?? '';

async function manifestOf(out: string) {
  return ManifestSchema.parse(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')));
}

describe('runBatch with a --format', () => {
  it('writes the document from each letter and the posting reading, beside the Markdown letter', async () => {
    const folder = await folderWith({ 'acme.txt': postingText('Acme Robotics') });
    const out = await temporaryFolder();
    const asked: { letter: string; recipient: LetterRecipient }[] = [];
    const progress = recordingProgress();
    const run = await runDirect(
      batchOptions(folder, out, { format: 'html' }),
      await batchDeps(createFakeEngine(), {
        progress,
        renderDocument: async (letter, recipient) => {
          asked.push({ letter, recipient });
          return { content: `<p>${recipient.company}</p>`, warnings: ['the page is wide'] };
        },
      }),
    );
    expect(run.summary.rows[0]?.outputs).toEqual({
      letter: `${stem}.letter.md`,
      report: `${stem}.report.md`,
      reportJson: `${stem}.report.json`,
      document: `${stem}.letter.html`,
    });
    const letter = await readFile(join(out, `${stem}.letter.md`), 'utf8');
    expect(asked).toEqual([
      { letter: letter.trimEnd(), recipient: expect.objectContaining({ company: 'Acme Robotics' }) },
    ]);
    expect(await readFile(join(out, `${stem}.letter.html`), 'utf8')).toBe('<p>Acme Robotics</p>');
    expect(progress.lines).toContain('note acme.txt: the page is wide');
  });

  it('keeps a letter whose document cannot be made, says so, and makes the document on the rerun', async () => {
    const folder = await folderWith({ 'acme.txt': postingText('Acme Robotics') });
    const out = await temporaryFolder();
    const progress = recordingProgress();
    const first = await runDirect(
      batchOptions(folder, out, { format: 'pdf' }),
      await batchDeps(createFakeEngine(), {
        progress,
        renderDocument: async () => {
          throw new Error('the font file is damaged');
        },
      }),
    );
    expect(first.summary.rows[0]).toMatchObject({
      status: 'passed',
      outputs: {
        letter: `${stem}.letter.md`,
        report: `${stem}.report.md`,
        reportJson: `${stem}.report.json`,
      },
    });
    expect(first.summary.rows[0]?.outputs?.document).toBeUndefined();
    expect(progress.lines).toContain(
      `note acme.txt: ${stem}.letter.pdf could not be made (the font file is damaged); its Markdown letter is kept, and a rerun tries again`,
    );

    const engine = createFakeEngine();
    const second = await runDirect(
      batchOptions(folder, out, { format: 'pdf' }),
      await batchDeps(engine, {
        renderDocument: async () => ({ content: new Uint8Array([37, 80, 68, 70]), warnings: [] }),
      }),
    );
    expect({ calls: engine.calls.length, unchanged: second.summary.rows[0]?.unchanged }).toEqual({
      calls: 0,
      unchanged: true,
    });
    expect(await listFiles(out)).toContain(`${stem}.letter.pdf`);
    expect((await manifestOf(out)).entries['acme.txt']?.outputs?.document).toBe(`${stem}.letter.pdf`);
  });
});
