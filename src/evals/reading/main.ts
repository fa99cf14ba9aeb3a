#!/usr/bin/env node
import { createOfflineEngine } from '../../engines/offline/offline-engine.js';
import { classifyIndustry } from '../../pipeline/classify-industry.js';
import { extractHook } from '../../pipeline/extract-hook.js';
import { loadPlaybooks } from '../../playbooks/load-playbooks.js';
import { evalReading } from './eval-reading.js';

// `npm run eval:reading [-- --bless]`: the offline engine's reading of datasets/real-postings.
const playbooks = await loadPlaybooks();
const engine = createOfflineEngine();
const result = await evalReading(
  { folder: 'datasets/real-postings', out: 'eval-out', bless: process.argv.includes('--bless') },
  {
    playbooks,
    engine,
    analyze: async (posting) => {
      const industry = (await classifyIndustry(posting, { engine, playbooks })).value;
      const analysis = (await extractHook(posting, industry, { engine, playbooks })).value;
      return { industry, analysis };
    },
  },
);
process.stdout.write(result.report);
process.exitCode = result.regressions.length === 0 ? 0 : 1;
