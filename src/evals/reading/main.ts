#!/usr/bin/env node
import { createOfflineEngine } from '../../engines/offline/offline-engine.js';
import { analyzePosting } from '../../pipeline/analyze-posting.js';
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
    analyze: (posting) => analyzePosting(posting, { engine, playbooks }),
  },
);
process.stdout.write(result.report);
process.exitCode = result.regressions.length === 0 ? 0 : 1;
