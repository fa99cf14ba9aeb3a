import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOfflineEngine } from '../../../src/engines/offline/offline-engine.js';
import { runPipeline } from '../../../src/pipeline/run-pipeline.js';
import { loadPosting } from '../../../src/posting/load-posting.js';
import { exampleProfile, playbooks } from './offline-test-kit.js';

const folder = join(import.meta.dirname, '..', '..', 'fixtures', 'hostile', 'injection');
const payloads = JSON.parse(await readFile(join(folder, 'payloads.json'), 'utf8')) as Record<
  string,
  { readonly markers: readonly string[] }
>;
const profile = await exampleProfile('experienced-mle');

describe('the offline engine and postings that try to steer the letter', () => {
  it.each(Object.entries(payloads))('copies nothing from the injection in %s', async (file, { markers }) => {
    const posting = await loadPosting(join(folder, file));
    const result = await runPipeline(posting, profile, { engine: createOfflineEngine(), playbooks });
    const leaked = markers.filter((marker) => result.letter.toLowerCase().includes(marker.toLowerCase()));
    expect({ leaked, status: result.status }).toEqual({ leaked: [], status: 'passed' });
    // The real posting around the injection still gives the letter its company and hook.
    expect(result.analysis.company).toMatch(/^Lanternfish( Software)?$/);
    expect(result.analysis.hook?.text).toBe('rebuilding Tidewater, the ranking service');
  });
});
