import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  baselineOf,
  readBaseline,
  regressionsAgainst,
  writeBaseline,
} from '../../../src/evals/reading/reading-baseline.js';
import type { ReadingOutcome } from '../../../src/evals/reading/run-reading-eval.js';
import type { ReadingVerdicts } from '../../../src/evals/reading/score-reading.js';

const allNull: ReadingVerdicts = {
  industry: null,
  company: null,
  'hook-named': null,
  'hook-none': null,
  role: null,
  'hiring-manager': null,
  'hiring-manager-none': null,
};

function outcome(id: string, verdicts: Partial<ReadingVerdicts>): ReadingOutcome {
  return {
    label: { id, split: 'dev' } as ReadingOutcome['label'],
    reading: null,
    refused: null,
    verdicts: { ...allNull, ...verdicts },
    ms: 1,
  };
}

describe('the reading baseline', () => {
  let folder: string | undefined;
  afterEach(async () => {
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  });

  it('keeps, per posting, the fields it passed', () => {
    expect(
      baselineOf([outcome('b', { industry: true, company: false }), outcome('a', { role: true })]),
    ).toEqual({
      cases: { a: ['role'], b: ['industry'] },
    });
  });

  it('reports a field passed before and missed now, and nothing for a field that was already missed', () => {
    const baseline = { cases: { a: ['industry', 'company'] as const, b: ['role'] as const } };
    const now = [
      outcome('a', { industry: true, company: false }),
      outcome('b', { role: true, industry: false }),
    ];
    expect(
      regressionsAgainst({ cases: { a: [...baseline.cases.a], b: [...baseline.cases.b] } }, now),
    ).toEqual([{ id: 'a', field: 'company' }]);
  });

  it('keeps the verdicts of postings a blessing run could not read (their texts were not rebuilt)', async () => {
    folder = await mkdtemp(join(tmpdir(), 'lede-reading-baseline-'));
    const path = join(folder, 'baseline.json');
    await writeBaseline(path, null, [outcome('a', { industry: true }), outcome('b', { company: true })]);
    await writeBaseline(path, await readBaseline(path), [outcome('a', { role: true })]);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ cases: { a: ['role'], b: ['company'] } });
  });
});
