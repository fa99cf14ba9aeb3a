import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRealLetters } from '../../../src/evals/letters/letter-label.js';
import { packageRoot } from '../../../src/package-root.js';

const folder = join(packageRoot(), 'datasets', 'real-letters');
const dataset = await loadRealLetters(folder);
const labels = [...dataset.cases.map((item) => item.label), ...dataset.missing];
const copyable = new Set(['MIT', 'Apache-2.0']);

describe('datasets/real-letters', () => {
  it('holds at least 80 labelled letters, none from a reserved source', async () => {
    expect(labels.length).toBeGreaterThanOrEqual(80);
    const reserved = (
      await readFile(join(packageRoot(), '..', 'shared', 'reserved-sources.txt'), 'utf8').catch(() => '')
    )
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== '' && !line.startsWith('#'));
    for (const label of labels) expect(reserved, label.id).not.toContain(label.source.repo.toLowerCase());
  });

  it('holds every fifth letter of each batch by the hash of its id apart as the holdout', () => {
    const batches = new Set(labels.map((label) => label.batch));
    expect([...batches].sort()).toEqual([1, 2]);
    for (const batch of batches) {
      const ordered = labels
        .filter((label) => label.batch === batch)
        .sort((a, b) =>
          createHash('sha256')
            .update(a.id)
            .digest('hex')
            .localeCompare(createHash('sha256').update(b.id).digest('hex')),
        );
      for (const [index, label] of ordered.entries())
        expect(label.split, label.id).toBe(index % 5 === 4 ? 'holdout' : 'dev');
    }
  });

  it('commits the texts of copyable licences only, each byte for byte as its label says', async () => {
    const committed = (await readdir(join(folder, 'letters'))).map((name) => name.replace(/\.txt$/, ''));
    const byId = new Map(labels.map((label) => [label.id, label]));
    for (const id of committed) expect(copyable.has(byId.get(id)?.source.license ?? ''), id).toBe(true);
    for (const label of labels.filter((item) => copyable.has(item.source.license)))
      expect(committed, `${label.id} comes from a copyable source`).toContain(label.id);
    for (const { label, text } of dataset.cases)
      expect(createHash('sha256').update(text, 'utf8').digest('hex'), label.id).toBe(label.sha256);
  });
});
