import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalFileName, loadManifest, ManifestWriter } from '../../src/batch/manifest.js';
import { noUsage } from '../../src/pipeline/usage.js';
import {
  batchDeps,
  batchOptions,
  folderWith,
  listFiles,
  postingText,
  runDirect,
  temporaryFolder,
} from './batch-fixtures.js';
import { createFakeEngine } from './fake-engine.js';

async function threePostings(): Promise<{ folder: string; out: string }> {
  const folder = await folderWith({
    'acme.txt': postingText('Acme Robotics'),
    'globex.txt': postingText('Globex'),
    'initech.txt': postingText('Initech'),
  });
  return { folder, out: await temporaryFolder() };
}

describe('batch reruns', () => {
  it('keep unchanged successes without a single engine call', async () => {
    const { folder, out } = await threePostings();
    await runDirect(batchOptions(folder, out), await batchDeps(createFakeEngine()));
    const again = createFakeEngine();

    const { summary } = await runDirect(batchOptions(folder, out), await batchDeps(again));

    expect(again.calls).toEqual([]);
    expect(summary.rows.map((row) => [row.posting, row.status, row.unchanged, row.usage])).toEqual([
      ['acme.txt', 'passed', true, noUsage],
      ['globex.txt', 'passed', true, noUsage],
      ['initech.txt', 'passed', true, noUsage],
    ]);
    expect(summary.counts.unchanged).toBe(3);
    expect(summary.usage).toEqual(noUsage);
    expect(summary.exitCode).toBe(0);
  });

  it('redo a changed posting, a failed one and one whose letter was deleted', async () => {
    const { folder, out } = await threePostings();
    const first = await runDirect(
      batchOptions(folder, out),
      await batchDeps(
        createFakeEngine({
          draft: (company, source) =>
            source === 'globex.txt'
              ? 'Dear team,\n\nTODO TODO\n\nBest,\nPriya'
              : `Dear team,\n\nFor ${company}.\n\nBest,\nPriya`,
        }),
      ),
    );
    expect(first.summary.rows.map((row) => row.status)).toEqual(['passed', 'failed', 'passed']);
    await writeFile(join(folder, 'acme.txt'), postingText('Acme Robotics', 'Now with a new paragraph.'));
    await rm(join(out, first.summary.rows[2]?.outputs?.letter ?? ''));
    const again = createFakeEngine();

    const { summary } = await runDirect(batchOptions(folder, out), await batchDeps(again));

    expect(new Set(again.calls.map((call) => call.source))).toEqual(
      new Set(['acme.txt', 'globex.txt', 'initech.txt']),
    );
    expect(summary.rows.map((row) => [row.posting, row.status, row.unchanged])).toEqual([
      ['acme.txt', 'passed', false],
      ['globex.txt', 'passed', false],
      ['initech.txt', 'passed', false],
    ]);
  });

  it('redo everything when the profile or an option that changes letters changes, or with --force', async () => {
    const { folder, out } = await threePostings();
    await runDirect(batchOptions(folder, out), await batchDeps(createFakeEngine()));

    const wordLimit = createFakeEngine();
    await runDirect(
      batchOptions(folder, out, { pipeline: { maxAttempts: 2, maxWords: 200 } }),
      await batchDeps(wordLimit),
    );
    const otherModel = createFakeEngine({ model: 'gpt-4.1-mini' });
    await runDirect(
      batchOptions(folder, out, { pipeline: { maxAttempts: 2, maxWords: 200 } }),
      await batchDeps(otherModel),
    );
    const forced = createFakeEngine({ model: 'gpt-4.1-mini' });
    await runDirect(
      batchOptions(folder, out, { force: true, pipeline: { maxAttempts: 2, maxWords: 200 } }),
      await batchDeps(forced),
    );
    const { profile } = await batchDeps(createFakeEngine());
    const newProfile = createFakeEngine({ model: 'gpt-4.1-mini' });
    await runDirect(
      batchOptions(folder, out, { pipeline: { maxAttempts: 2, maxWords: 200 } }),
      await batchDeps(newProfile, { profile: { ...profile, name: 'Priya R. Raman' } }),
    );

    for (const engine of [wordLimit, otherModel, forced, newProfile]) expect(engine.calls).toHaveLength(6);
  });

  it('read the journal a crash left behind, ignoring a torn last line', async () => {
    const out = await temporaryFolder();
    const writer = new ManifestWriter(out, await loadManifest(out));
    const entry = {
      posting: 'acme.txt',
      inputHash: 'a'.repeat(64),
      status: 'passed' as const,
      outputs: { letter: 'acme.letter.md', report: 'acme.report.md', reportJson: 'acme.report.json' },
      industry: 'tech',
      company: 'Acme',
      attempts: 1,
      words: 120,
      usage: noUsage,
      failedRules: [],
      error: null,
      finishedAt: '2026-01-01T00:00:00.000Z',
    };
    await writer.record(entry);
    await writer.close();
    await appendFile(join(out, journalFileName), '{"posting":"globex.txt","inputH');

    const manifest = await loadManifest(out);

    expect(manifest.entries).toEqual({ 'acme.txt': entry });
    expect(await listFiles(out)).toEqual([journalFileName]);
  });

  it('fold the journal into manifest.json when the batch ends', async () => {
    const { folder, out } = await threePostings();
    await runDirect(batchOptions(folder, out), await batchDeps(createFakeEngine()));

    const files = await listFiles(out);
    expect(files).not.toContain(journalFileName);
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.entries)).toEqual(['acme.txt', 'globex.txt', 'initech.txt']);
  });

  it('refuse a manifest that is not one, saying how to start over', async () => {
    const { folder, out } = await threePostings();
    await writeFile(join(out, 'manifest.json'), '{"version": 7}');

    await expect(
      runDirect(batchOptions(folder, out), await batchDeps(createFakeEngine())),
    ).rejects.toMatchObject({
      code: 'output.manifest-invalid',
      hint: 'use an empty output folder, or delete the manifest to redo every posting',
    });
  });
});
