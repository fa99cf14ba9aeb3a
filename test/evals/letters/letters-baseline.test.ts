import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LetterLabel } from '../../../src/evals/letters/letter-label.js';
import {
  baselineOf,
  readBaseline,
  regressionsAgainst,
  writeBaseline,
} from '../../../src/evals/letters/letters-baseline.js';
import type { LetterOutcome } from '../../../src/evals/letters/run-letters-eval.js';
import { type LetterVerdicts, letterRules } from '../../../src/evals/letters/score-letter.js';

function outcome(id: string, disagreeOn: readonly string[] = []): LetterOutcome {
  const verdicts = Object.fromEntries(
    letterRules.map((rule) => [rule, { expected: true, fired: !disagreeOn.includes(rule) }]),
  ) as LetterVerdicts;
  return {
    label: { id, split: 'dev' } as LetterLabel,
    critique: { passed: true, industry: 'general', findings: [], skipped: [], checked: [] },
    verdicts,
  };
}

describe('the real-letters baseline', () => {
  let folder: string | undefined;
  afterEach(async () => {
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  });

  it('keeps, per letter, the rules that agreed with its label', () => {
    expect(baselineOf([outcome('b', ['no-placeholder', 'names-tools']), outcome('a')])).toEqual({
      letters: {
        a: [...letterRules],
        b: ['no-stock-opener', 'opens-with-outcome', 'no-framework-list'],
      },
    });
  });

  it('reports a rule that agreed before and disagrees now, and nothing for one that already disagreed', () => {
    const baseline = { letters: { a: ['no-stock-opener' as const, 'no-placeholder' as const] } };
    expect(regressionsAgainst(baseline, [outcome('a', ['no-placeholder', 'names-tools'])])).toEqual([
      { id: 'a', rule: 'no-placeholder' },
    ]);
  });

  it('keeps the verdicts of letters a blessing run could not read, and refuses a file that is not a baseline', async () => {
    folder = await mkdtemp(join(tmpdir(), 'lede-letters-baseline-'));
    const path = join(folder, 'baseline.json');
    await writeBaseline(path, { letters: { gone: ['no-placeholder'] } }, [outcome('here')]);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({
      letters: { gone: ['no-placeholder'], here: [...letterRules] },
    });
    expect(await readBaseline(join(folder, 'absent.json'))).toBeNull();
    await writeFile(path, '{"cases": {}}');
    await expect(readBaseline(path)).rejects.toMatchObject({ code: 'dataset.baseline-unreadable' });
  });
});
