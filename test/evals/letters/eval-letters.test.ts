import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.js';
import { critiqueLetter } from '../../../src/critic/critique-letter.js';
import { noPlaceholderRule } from '../../../src/critic/rules/no-placeholder.js';
import { evalLetters } from '../../../src/evals/letters/eval-letters.js';
import { criticContextFor } from '../../../src/pipeline/critic-context.js';
import { loadPlaybooks, playbookFor } from '../../../src/playbooks/load-playbooks.js';
import { newTemporaryFolder } from '../../support/temporary-folder.js';

const playbooks = await loadPlaybooks(undefined);
const context = criticContextFor({
  playbook: playbookFor(playbooks, 'general'),
  playbooks,
  posting: null,
  analysis: null,
  profile: null,
  maxWords: 250,
});
const critique = (text: string) => critiqueLetter(text, context, [noPlaceholderRule]);

const hash = (seed: string) => seed.repeat(64).slice(0, 64);

async function writeLetters(letters: Record<string, { text: string; placeholder: boolean; split?: string }>) {
  const root = await newTemporaryFolder('eval-letters');
  const folder = join(root, 'datasets', 'real-letters');
  await mkdir(join(folder, 'labels'), { recursive: true });
  await mkdir(join(folder, 'letters'), { recursive: true });
  for (const [id, letter] of Object.entries(letters)) {
    await writeFile(join(folder, 'letters', `${id}.txt`), letter.text);
    await writeFile(
      join(folder, 'labels', `${id}.yaml`),
      [
        `id: ${id}`,
        'source: {"repo": "someone/letters", "commit": "' +
          'a'.repeat(40) +
          '", "path": "letter.md", "license": "MIT", "extract": "file"}',
        `sha256: ${hash('b')}`,
        `split: ${letter.split ?? 'dev'}`,
        'stock_opener: false',
        'quantified_opening: true',
        'tools_behind_result: true',
        'framework_list: false',
        `placeholder: ${letter.placeholder}`,
      ].join('\n'),
    );
  }
  return { root, folder };
}

async function cliEval(root: string, argv: string[] = []) {
  let stdout = '';
  const code = await runCli(['eval', '--letters', ...argv], {
    io: { stdout: (text) => (stdout += text), stderr: () => {}, isTty: false },
    env: {},
    cwd: root,
  });
  return { code, stdout };
}

const clean =
  'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline by moving the recommender to real-time feature serving with Redis.\n\nBest,\nPriya Raman\n';

describe('lede eval --letters', () => {
  it('runs the critic as `lede check` does and prints the per-rule table', async () => {
    const { root } = await writeLetters({
      slot: { text: clean.replace('Streamline', '[Company Name]'), placeholder: true },
    });
    const run = await cliEval(root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Checking real letters (no posting, no profile): 1 letters');
    expect(run.stdout).toMatch(/no-placeholder\s+1\.000 \(1\/1\)\s+1\.000\s+1\.000\s+met/);
    expect(run.stdout).toContain('run with --bless to write one');
  });

  it('scores each rule on dev and holdout, writes the dev disagreements, and fails only on a regression', async () => {
    const { root, folder } = await writeLetters({
      filled: { text: clean, placeholder: false },
      slot: { text: clean.replace('Streamline', '[Company Name]'), placeholder: true },
      kept: { text: clean, placeholder: false, split: 'holdout' },
    });
    const out = join(root, 'eval-out');
    const first = await evalLetters({ folder, out, bless: true }, { critique });
    expect(first.regressions).toEqual([]);
    expect(first.report).toContain('Checking real letters (no posting, no profile): 3 letters');
    expect(first.report).toMatch(
      /no-placeholder\s+1\.000 \(2\/2\)\s+1\.000\s+1\.000\s+met\s+1\.000 \(1\/1\)/,
    );
    expect(JSON.parse(await readFile(join(folder, 'baseline.json'), 'utf8')).letters.slot).toContain(
      'no-placeholder',
    );

    // The placeholder is now labelled absent: the rule that agreed before disagrees now.
    const label = join(folder, 'labels', 'slot.yaml');
    await writeFile(
      label,
      (await readFile(label, 'utf8')).replace('placeholder: true', 'placeholder: false'),
    );
    const second = await evalLetters({ folder, out, bless: false }, { critique });
    expect(second.regressions).toEqual([{ id: 'slot', rule: 'no-placeholder' }]);
    expect(second.report).toContain(
      '1 regressions against the baseline (agreed before, disagree now):\n  slot: no-placeholder',
    );
    expect(await readFile(join(root, 'eval-out', 'letters-dev-misses.md'), 'utf8')).toContain(
      '- no-placeholder: fired, should not: "[Company Name]"',
    );
  });
});
