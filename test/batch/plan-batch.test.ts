import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { estimatePosting, priceEstimate } from '../../src/batch/estimate-cost.js';
import { planBatch } from '../../src/batch/plan-batch.js';
import { defaultPriceTable, loadPriceTable, priceFor } from '../../src/batch/price-table.js';
import { createOfflineEngine } from '../../src/engines/offline/offline-engine.js';
import type { Engine } from '../../src/pipeline/engine.js';
import {
  batchDeps,
  batchOptions,
  folderWith,
  postingText,
  runDirect,
  temporaryFolder,
} from './batch-fixtures.js';
import { createFakeEngine } from './fake-engine.js';

describe('estimatePosting', () => {
  it('counts the analysis and the draft, plus every revision for the high end, at input characters / 4', () => {
    expect(estimatePosting(2000, 4000, 3)).toEqual({
      low: { calls: 2, promptTokens: 1500 + 3000, completionTokens: 900 },
      high: { calls: 4, promptTokens: 1500 + 3000 + 2 * (3250 + 500), completionTokens: 1900 },
    });
  });

  it('with --analysis auto, counts the analysis call at the high end only; with offline, never', () => {
    const model = estimatePosting(2000, 4000, 3, 'model');
    const auto = estimatePosting(2000, 4000, 3, 'auto');
    const offline = estimatePosting(2000, 4000, 3, 'offline');
    expect([model.low.calls, auto.low.calls, offline.low.calls]).toEqual([2, 1, 1]);
    expect([model.high.calls, auto.high.calls, offline.high.calls]).toEqual([4, 4, 3]);
    expect(auto.low.promptTokens).toBe(model.low.promptTokens - 1500);
    expect(auto.high).toEqual(model.high);
  });

  it('counts a long posting only up to what each call carries of it (1,500 tokens for the analysis, 600 for a letter)', () => {
    expect(estimatePosting(50_000, 4000, 1)).toEqual({
      low: { calls: 2, promptTokens: 1500 + 1000 + 600 + 1000 + 1500, completionTokens: 900 },
      high: { calls: 2, promptTokens: 1500 + 1000 + 600 + 1000 + 1500, completionTokens: 900 },
    });
  });
});

describe('price table', () => {
  it('finds a dated model by its longest listed prefix, and nothing for an unknown one', () => {
    expect(priceFor(defaultPriceTable, 'gpt-4o-mini-2024-07-18')).toEqual({ input: 0.15, output: 0.6 });
    expect(priceFor(defaultPriceTable, 'gpt-4o-2024-08-06')).toEqual({ input: 2.5, output: 10 });
    expect(priceFor(defaultPriceTable, 'llama3.1:8b')).toBeUndefined();
  });

  it('merges a user price file over the defaults, and names the bad field of a broken one', async () => {
    const folder = await folderWith({
      'prices.yaml': 'llama3.1:8b: { input: 0, output: 0 }\ngpt-4o-mini: { input: 0.1, output: 0.5 }\n',
      'broken.yaml': 'gpt-4o-mini: { input: cheap, output: 0.5 }\n',
    });

    const table = await loadPriceTable(`${folder}/prices.yaml`);

    expect(table['llama3.1:8b']).toEqual({ input: 0, output: 0 });
    expect(table['gpt-4o-mini']).toEqual({ input: 0.1, output: 0.5 });
    expect(table['gpt-4o']).toEqual({ input: 2.5, output: 10 });
    await expect(loadPriceTable(`${folder}/broken.yaml`)).rejects.toMatchObject({
      code: 'input.prices-invalid',
      field: 'gpt-4o-mini.input',
    });
  });

  it('prices an estimate for the selected model first, then every listed model', () => {
    const estimate = {
      low: { calls: 3, promptTokens: 1_000_000, completionTokens: 100_000 },
      high: { calls: 5, promptTokens: 2_000_000, completionTokens: 200_000 },
    };
    const costs = priceEstimate(
      estimate,
      { 'gpt-4o-mini': { input: 0.15, output: 0.6 }, o3: { input: 2, output: 8 } },
      'local',
      0.5,
    );
    expect(costs).toEqual([
      { model: 'local', lowUsd: null, highUsd: null },
      { model: 'gpt-4o-mini', lowUsd: 0.105, highUsd: 0.21 },
      { model: 'o3', lowUsd: 1.4, highUsd: 2.8 },
    ]);
  });
});

describe('planBatch (--dry-run)', () => {
  it('counts what would run, skips what an earlier run finished, and prices it without calling anything', async () => {
    const folder = await folderWith({
      'acme.txt': postingText('Acme Robotics'),
      'globex.txt': postingText('Globex'),
      'initech.txt': postingText('Initech'),
      'notes.odt': 'x',
    });
    const out = await temporaryFolder();
    const engine = createFakeEngine();
    const deps = await batchDeps(engine);
    await runDirect(batchOptions(folder, out), deps);
    await writeFile(`${folder}/globex.txt`, postingText('Globex', 'Changed.'));
    const callsBefore = engine.calls.length;

    const plan = await planBatch(
      {
        folder,
        out,
        recursive: false,
        force: false,
        pipeline: { maxAttempts: 2, maxWords: 250 },
        config: {},
        via: 'direct',
        prices: defaultPriceTable,
      },
      { engine, profile: deps.profile, playbooks: deps.playbooks },
    );

    const one = estimatePosting(
      postingText('Globex', 'Changed.').length,
      JSON.stringify(deps.profile).length,
      2,
    );
    expect(engine.calls.length).toBe(callsBefore);
    expect(plan).toMatchObject({
      postings: 3,
      toRun: 1,
      unchanged: 2,
      badInput: 0,
      model: 'gpt-4o-mini',
      estimate: one,
    });
    expect(plan.skippedFiles).toEqual([
      {
        relative: 'notes.odt',
        reason: 'unsupported extension ".odt" (lede reads .txt, .md, .html, .htm, .pdf, .docx)',
      },
    ]);
    expect(plan.costs[0]).toEqual({
      model: 'gpt-4o-mini',
      // To the millionth of a dollar, as costs are kept.
      lowUsd: Math.round(one.low.promptTokens * 0.15 + one.low.completionTokens * 0.6) / 1e6,
      highUsd: Math.round(one.high.promptTokens * 0.15 + one.high.completionTokens * 0.6) / 1e6,
    });
    expect(plan.costs.map((cost) => cost.model)).toEqual([
      'gpt-4o-mini',
      ...Object.keys(defaultPriceTable)
        .filter((name) => name !== 'gpt-4o-mini')
        .sort(),
    ]);
  });

  it('counts an empty posting as one lede cannot use, and a non-English one too where the engine is offline', async () => {
    const folder = await folderWith({
      'acme.txt': postingText('Acme', 'Real work.'),
      'empty.txt': '',
      'german.txt':
        'Wir suchen einen Machine Learning Engineer für unser Team in Berlin. Sie entwickeln Modelle und arbeiten ' +
        'mit Daten aus vielen Quellen. Wir bieten ein tolles Team, flexible Arbeitszeiten und viele weitere Vorteile.',
    });
    const planWith = async (engine: Engine) => {
      const deps = await batchDeps(engine);
      return planBatch(
        {
          folder,
          out: await temporaryFolder(),
          recursive: false,
          force: false,
          pipeline: { maxAttempts: 2, maxWords: 250 },
          config: {},
          via: 'direct',
          prices: defaultPriceTable,
        },
        { engine, profile: deps.profile, playbooks: deps.playbooks },
      );
    };
    // A model writes the German letter: that is work to price.
    expect(await planWith(createFakeEngine())).toMatchObject({ postings: 3, toRun: 2, badInput: 1 });
    expect(await planWith(createOfflineEngine())).toMatchObject({ postings: 3, toRun: 1, badInput: 2 });
  });
});
