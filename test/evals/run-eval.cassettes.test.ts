import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { startChatServer } from './support/chat-server.js';
import { noBracketRule, tinyProfiles, writeTinyDataset } from './support/tiny-dataset.js';

const key = 'test-key-not-real';
const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function evalIn(root: string, argv: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['eval', ...argv], {
    io: { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTty: false },
    env,
    cwd: root,
    rules: [noBracketRule],
    // A stopped clock: a wall-time delta of three digits would widen the table's delta column in some runs.
    now: () => 0,
  });
  const results = JSON.parse(await readFile(join(root, 'eval-out', 'results.json'), 'utf8'));
  return { code, stdout, stderr, results };
}

/** Everything a run decided, without the timings that differ from run to run. */
function decisions(results: {
  cases: { id: string; scores: Record<string, number | null>; first: { letter: string | null } }[];
}) {
  return results.cases.map((item) => {
    const { 'wall-ms-per-letter': _wall, ...scores } = item.scores;
    return { id: item.id, scores, letter: item.first.letter };
  });
}

describe('npm run eval --engine openai with cassettes', () => {
  it('records against an OpenAI-compatible server, then replays offline in strict mode with identical results', async () => {
    const server = await startChatServer();
    servers.push(server);
    const { root } = await writeTinyDataset();
    const cassettes = join(root, 'cassettes');
    const flags = [
      '--engine',
      'openai',
      '--model',
      'gpt-test',
      '--cassettes',
      cassettes,
      '--concurrency',
      '2',
      // The tiny postings read confidently offline; the model reads them here so both calls are recorded.
      '--analysis',
      'model',
    ];

    const recorded = await evalIn(root, [...flags, '--cache', 'record', '--bless'], {
      OPENAI_API_KEY: key,
      OPENAI_BASE_URL: server.url,
    });
    expect(recorded.code).toBe(0);
    expect(recorded.stderr).toContain(
      `blessed openai:gpt-test into ${join(root, 'datasets', 'baseline.json')}`,
    );
    // 8 cases × (analysis + draft); the 4 postings' analysis requests repeat across profiles.
    expect(server.requests.length).toBe(16);
    expect(new Set(server.requests.map((request) => request.authorization))).toEqual(
      new Set([`Bearer ${key}`]),
    );
    expect(recorded.results.summary.aggregates['llm-calls-per-letter']).toEqual({ value: 2, cases: 8 });
    expect(recorded.results.summary.aggregates['tokens-per-letter']).toEqual({ value: 240, cases: 8 });
    const files = await readdir(cassettes);
    expect(files.length).toBe(12);
    for (const file of files) {
      const text = await readFile(join(cassettes, file), 'utf8');
      expect([file, text.includes(key) || /bearer|authorization/i.test(text)]).toEqual([file, false]);
    }

    await server.close();
    servers.splice(0);
    const replayed = await evalIn(root, [...flags, '--cache', 'strict'], { OPENAI_BASE_URL: server.url });
    expect({ code: replayed.code, stderr: replayed.stderr }).toEqual({
      code: 0,
      stderr: 'lede eval: 8 case(s) × 1 run(s) with the openai engine (gpt-test)\n',
    });
    expect(decisions(replayed.results)).toEqual(decisions(recorded.results));
    expect(replayed.stdout).toContain('industry-accuracy                1.000     1.000  0.000      ok');
    for (const output of [recorded.stdout, recorded.stderr, JSON.stringify(recorded.results)])
      expect(output).not.toContain(key);
  });

  it('fails a strict replay on a cache miss, naming the cases and how to record them', async () => {
    const server = await startChatServer();
    servers.push(server);
    const { root, folder } = await writeTinyDataset();
    const flags = ['--engine', 'openai', '--model', 'gpt-test', '--cassettes', join(root, 'cassettes')];
    await evalIn(root, [...flags, '--cache', 'record'], { OPENAI_API_KEY: key, OPENAI_BASE_URL: server.url });
    const before = server.requests.length;
    // A changed profile is a changed request: its letters were never recorded.
    await writeFile(
      join(folder, 'profiles', 'graduate.yaml'),
      (tinyProfiles['graduate.yaml'] ?? '').replace('Sky Ono', 'Sky Ono-Park'),
    );

    const replayed = await evalIn(root, [...flags, '--cache', 'strict'], {
      OPENAI_API_KEY: key,
      OPENAI_BASE_URL: server.url,
    });
    expect(server.requests.length).toBe(before);
    expect(replayed.code).toBe(1);
    expect(replayed.stderr).toContain(
      '4 case(s) errored: tech/graduate, finance/graduate, retail/graduate, general/graduate (first: llm.cache-miss: The response cache in',
    );
    expect(replayed.stderr).toContain('Run once with --cache record against the endpoint to record it');
    expect(replayed.results.summary.errors).toBe(4);
  });

  it('keeps repeats apart in the cassettes, so --repeat 2 records and replays two answers per request', async () => {
    const server = await startChatServer();
    servers.push(server);
    const { root } = await writeTinyDataset();
    const flags = [
      '--engine',
      'openai',
      '--model',
      'gpt-test',
      '--cassettes',
      join(root, 'cassettes'),
      '--repeat',
      '2',
      '--filter',
      'case=tech/engineer',
      '--analysis',
      'model',
    ];
    const recorded = await evalIn(root, [...flags, '--cache', 'record'], { OPENAI_BASE_URL: server.url });
    expect(recorded.code).toBe(0);
    expect((await readdir(join(root, 'cassettes'))).length).toBe(4);
    await server.close();
    servers.splice(0);
    const replayed = await evalIn(root, [...flags, '--cache', 'strict'], { OPENAI_BASE_URL: server.url });
    expect(replayed.stdout).toContain(
      '1 case(s), 2 run(s), 0 error(s); letters passing every error-level rule: 100.0%; pass^2: 100.0% of cases',
    );
  });
});
