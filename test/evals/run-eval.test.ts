import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import type { Engine } from '../../src/pipeline/engine.js';
import { createReadingEngine } from './support/reading-engine.js';
import { noBracketRule, writeTinyDataset } from './support/tiny-dataset.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function evalIn(root: string, argv: string[], engine: Engine = createReadingEngine()): Promise<Run> {
  let stdout = '';
  let stderr = '';
  let clock = 0;
  const code = await runCli(['eval', ...argv], {
    io: { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTty: false },
    env: {},
    cwd: root,
    engineOverride: engine,
    rules: [noBracketRule],
    // Every reading of the clock advances 5 ms: timings are deterministic.
    now: () => (clock += 5),
  });
  return { code, stdout, stderr };
}

describe('npm run eval', () => {
  it('scores every case, prints the table, writes eval-out/ and asks for a baseline when there is none', async () => {
    const { root } = await writeTinyDataset();
    const run = await evalIn(root, []);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatchInlineSnapshot(`
      "scorer                           value  baseline  delta       status
      -------------------------------  -----  --------  -----  -----------
      industry-accuracy                1.000         -      -  no-baseline
      company-match                    1.000         -      -  no-baseline
      hook-hit                         1.000         -      -  no-baseline
      hook-grounded                    1.000         -      -  no-baseline
      tools-recall                     0.938         -      -  no-baseline
      critic-pass-first                1.000         -      -  no-baseline
      critic-pass-final                1.000         -      -  no-baseline
      grounding-violations (findings)    0.0         -      -  no-baseline
      words-per-letter (words)          28.0         -      -  no-baseline
      attempts-per-letter (attempts)     1.0         -      -  no-baseline
      llm-calls-per-letter (calls)       0.0         -      -  no-baseline
      tokens-per-letter (tokens)         0.0         -      -  no-baseline
      wall-ms-per-letter (ms)           15.0         -      -  no-baseline

      8 case(s), 8 run(s), 0 error(s); letters passing every error-level rule: 100.0%; 0.2 s. Report: eval-out/report.md
      "
    `);
    expect(run.stderr).toContain('no baseline entry "offline"');
    const results = JSON.parse(await readFile(join(root, 'eval-out', 'results.json'), 'utf8'));
    expect(results.cases.map((item: { id: string }) => item.id)).toEqual([
      'tech/engineer',
      'tech/graduate',
      'finance/engineer',
      'finance/graduate',
      'retail/engineer',
      'retail/graduate',
      'general/engineer',
      'general/graduate',
    ]);
    expect(results.summary.confusion).toEqual({
      tech: { tech: 2 },
      finance: { finance: 2 },
      retail: { retail: 2 },
      general: { general: 2 },
    });
    const report = await readFile(join(root, 'eval-out', 'report.md'), 'utf8');
    expect(report).toContain('## Industry confusion matrix');
    expect(report).toContain('| no-bracket | 8 | 100% | 100% |');
  });

  it('blesses a baseline, then passes an identical run with zero deltas', async () => {
    const { root, folder } = await writeTinyDataset();
    expect((await evalIn(root, ['--bless'])).code).toBe(0);
    const baseline = JSON.parse(await readFile(join(folder, 'baseline.json'), 'utf8'));
    expect(Object.keys(baseline.runs)).toEqual(['offline']);
    // Wall time is never gated, so only its aggregate is kept.
    expect(baseline.runs.offline.aggregates['wall-ms-per-letter']).toBe(15);
    expect(baseline.runs.offline.cases['finance/engineer']).toEqual({
      passed: true,
      scores: {
        'industry-accuracy': 1,
        'company-match': 1,
        'hook-hit': 1,
        'hook-grounded': 1,
        'tools-recall': 1,
        'critic-pass-first': 1,
        'critic-pass-final': 1,
        'grounding-violations': 0,
        'words-per-letter': 28,
        'attempts-per-letter': 1,
        'llm-calls-per-letter': 0,
        'tokens-per-letter': 0,
      },
    });
    const again = await evalIn(root, []);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatchInlineSnapshot(`
      "scorer                           value  baseline  delta  status
      -------------------------------  -----  --------  -----  ------
      industry-accuracy                1.000     1.000  0.000      ok
      company-match                    1.000     1.000  0.000      ok
      hook-hit                         1.000     1.000  0.000      ok
      hook-grounded                    1.000     1.000  0.000      ok
      tools-recall                     0.938     0.938  0.000      ok
      critic-pass-first                1.000     1.000  0.000      ok
      critic-pass-final                1.000     1.000  0.000      ok
      grounding-violations (findings)    0.0       0.0    0.0      ok
      words-per-letter (words)          28.0      28.0    0.0      ok
      attempts-per-letter (attempts)     1.0       1.0    0.0      ok
      llm-calls-per-letter (calls)       0.0       0.0    0.0      ok
      tokens-per-letter (tokens)         0.0       0.0    0.0      ok
      wall-ms-per-letter (ms)           15.0      15.0    0.0    info

      8 case(s), 8 run(s), 0 error(s); letters passing every error-level rule: 100.0%; 0.2 s. Report: eval-out/report.md
      "
    `);
  });

  it('fails a deliberate regression with a message naming the scorer and the cases', async () => {
    const { root } = await writeTinyDataset();
    await evalIn(root, ['--bless']);
    const broken = createReadingEngine({
      industryOverrides: { 'Birch Bank': 'tech' },
      letterOverrides: { 'Cedar Grocers': 'Dear [Hiring Manager],\n\nI built things.\n\nBest,\nRobin' },
    });
    const run = await evalIn(root, [], broken);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('lede eval: FAILED');
    expect(run.stderr).toContain(
      'industry-accuracy regressed: 1.000 -> 0.750 (tolerance 0.020); worse in 2 case(s): finance/engineer, finance/graduate',
    );
    expect(run.stderr).toContain(
      'critic-pass-final regressed: 1.000 -> 0.750 (tolerance 0.020); worse in 2 case(s): retail/engineer, retail/graduate',
    );
    const report = await readFile(join(root, 'eval-out', 'report.md'), 'utf8');
    expect(report).toContain(
      '- **no-bracket**: Replace the bracketed slot with real words.\n  > [Hiring Manager]',
    );
  });

  it('compares a filtered run with the same cases of the baseline', async () => {
    const { root } = await writeTinyDataset();
    await evalIn(root, ['--bless']);
    const run = await evalIn(root, ['--filter', 'industry=finance', 'profile=graduate,engineer']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 case(s), 2 run(s)');
  });

  it('refuses --bless with --filter, and an unknown filter field, with exit code 2', async () => {
    const { root } = await writeTinyDataset();
    const bless = await evalIn(root, ['--bless', '--filter', 'industry=tech']);
    expect(bless).toMatchObject({ code: 2 });
    expect(bless.stderr).toContain('--bless writes the whole baseline and cannot be combined with --filter');
    const filter = await evalIn(root, ['--filter', 'colour=red']);
    expect(filter.code).toBe(2);
    expect(filter.stderr).toContain('--filter colour=red: unknown field "colour"');
  });

  it('prints the whole result as JSON with --json', async () => {
    const { root } = await writeTinyDataset();
    const run = await evalIn(root, ['--json', '--filter', 'case=tech/engineer']);
    const parsed = JSON.parse(run.stdout);
    expect({
      engine: parsed.engine,
      model: parsed.model,
      cases: parsed.summary.cases,
      passed: parsed.passed,
    }).toEqual({
      engine: 'offline',
      model: 'reading-test-engine',
      cases: 1,
      passed: true,
    });
  });

  it('runs each case --repeat times and reports pass^N', async () => {
    const { root } = await writeTinyDataset();
    const run = await evalIn(root, ['--repeat', '3', '--filter', 'industry=retail']);
    expect(run.stdout).toContain(
      '2 case(s), 6 run(s), 0 error(s); letters passing every error-level rule: 100.0%; pass^3: 100.0% of cases',
    );
  });

  it('records a case that throws as an error, keeps scoring the rest, and exits 1', async () => {
    const { root } = await writeTinyDataset();
    const engine = createReadingEngine();
    const failing: Engine = {
      ...engine,
      async readPosting(posting, playbooks, options) {
        if (posting.text.includes('Acme')) throw new Error('endpoint went away');
        return engine.readPosting(posting, playbooks, options);
      },
    };
    const run = await evalIn(root, [], failing);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '2 case(s) errored: tech/engineer, tech/graduate (first: internal: endpoint went away)',
    );
    expect(run.stdout).toContain('8 case(s), 8 run(s), 2 error(s)');
  });
});
