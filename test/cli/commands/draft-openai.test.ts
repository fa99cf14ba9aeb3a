import { afterEach, describe, expect, it } from 'vitest';
import { type FakeServer, startFakeOpenAiServer } from '../../../bench/fake-openai-server.js';
import { usd } from '../../../src/batch/render-summary.js';
import { PipelineResultSchema } from '../../../src/pipeline/run-pipeline.js';
import { experiencedProfile, orbitlyPosting } from '../examples.js';
import { runLede, temporaryFolder } from '../run-lede.js';

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function draft(extra: string[]) {
  const server = await startFakeOpenAiServer({});
  servers.push(server);
  const run = await runLede(
    [
      'draft',
      orbitlyPosting,
      '--profile',
      experiencedProfile,
      '--engine',
      'openai',
      '--max-attempts',
      '1',
      ...extra,
    ],
    {
      cwd: await temporaryFolder(),
      env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'test-key-not-real' },
    },
  );
  return { run, server };
}

describe('lede draft --engine openai', () => {
  it("reports who read the posting and what the letter's calls cost at the price table's rate", async () => {
    const { run, server } = await draft([]);
    // The example posting reads confidently offline: one call, the draft.
    expect(server.stats.bySchema).toEqual({ cover_letter: 1 });
    const cost = (server.stats.promptTokens * 0.15 + server.stats.completionTokens * 0.6) / 1e6;
    expect(run.stderr).toContain(
      '- Posting read by: the offline reader (no call); the offline reading was confident: industry tech at confidence',
    );
    expect(run.stderr).toContain(
      `- Estimated cost: ${usd(Math.round(cost * 1e6) / 1e6)} at gpt-4o-mini's price per token (calls answered from the cache are free)`,
    );
  });

  it('says when the price table has no price for the model, and how to give one', async () => {
    const { run } = await draft(['--model', 'local-llama']);
    expect(run.stderr).toContain(
      '- Estimated cost: unknown (no price for local-llama; pass --prices with a file that gives its price per million tokens)',
    );
  });

  it('puts the reading source in the JSON result', async () => {
    const { run } = await draft(['--analysis', 'model', '--json']);
    const result = PipelineResultSchema.parse(JSON.parse(run.stdout));
    expect({ source: result.readingSource, calls: result.usage.calls }).toEqual({
      source: { by: 'model', reason: '--analysis model' },
      calls: 2,
    });
  });
});
