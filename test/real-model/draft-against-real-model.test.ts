import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServedRequest } from '../support/real-model/chat-server.js';
import {
  commandTimeoutMs,
  type LedeRun,
  realModelEndpoint,
  runLede,
  servedRequests,
  usageOf,
} from '../support/real-model/real-model-endpoint.js';
import { newTemporaryFolder } from '../support/temporary-folder.js';

// A real model writes what it writes: these tests hold lede to structure and behaviour, never to wording.
const endpoint = realModelEndpoint();

interface Report {
  status: string;
  letter: string;
  industry: { industry: string; confidence: number; signals: string[] };
  analysis: { company: string | null; role: string | null; hook: unknown; requiredTools: string[] };
  attempts: { attempt: number; critique: { passed: boolean; findings: { severity: string }[] } }[];
  usage: { calls: number; promptTokens: number; completionTokens: number };
}

describe.skipIf(endpoint === undefined)('lede draft --engine openai against a real model', () => {
  let run: LedeRun;
  let folder: string;
  let report: Report;
  let served: readonly ServedRequest[] | undefined;

  beforeAll(async () => {
    if (endpoint === undefined) return;
    folder = await newTemporaryFolder('real-model-draft');
    const before = (await servedRequests(endpoint))?.length ?? 0;
    // --max-words 20 is a limit no first draft meets, so the critic fails it and the revise loop runs.
    run = await runLede(endpoint, [
      'draft',
      'examples/postings/orbitly-ml-platform.md',
      '--profile',
      'examples/profiles/experienced-mle.yaml',
      '--engine',
      'openai',
      // The model reads the posting too (by default a confident offline reading stands in): its answer must come
      // through the grammar and parse.
      '--analysis',
      'model',
      '--cache',
      'off',
      // The server answers one request at a time, so a call may wait for another before its own turn: a long limit,
      // and no silent retry that would make the server's counts differ from lede's.
      '--timeout-ms',
      '300000',
      '--max-retries',
      '0',
      // Greedy decoding: the same answers on every run, whatever the server's seed. At lede's default 0.4 this 135M
      // model can put a confidence of 3 in the posting's reading, twice, and then no letter is written at all.
      '--temperature',
      '0',
      '--max-words',
      '20',
      '--max-attempts',
      '2',
      '--out',
      join(folder, 'orbitly.md'),
    ]);
    served = (await servedRequests(endpoint))?.slice(before);
    // Anything but the critic's verdict leaves no files to read: say what lede said instead.
    if (run.status !== 0 && run.status !== 1)
      throw new Error(`lede exited ${run.status}: ${run.stderr.slice(0, 2000)}`);
    report = JSON.parse(await readFile(join(folder, 'orbitly.report.json'), 'utf8')) as Report;
  }, commandTimeoutMs + 10_000);

  it("ends with the critic's verdict (0 passed, 1 failed), not an error, and no stack trace", () => {
    expect([0, 1], run.stderr).toContain(run.status);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('writes the letter, the report and its JSON', async () => {
    expect((await readdir(folder)).sort()).toEqual([
      'orbitly.md',
      'orbitly.report.json',
      'orbitly.report.md',
    ]);
    expect((await readFile(join(folder, 'orbitly.md'), 'utf8')).trim()).not.toBe('');
    expect(report.letter.trim()).not.toBe('');
  });

  it('reads the posting from a JSON answer that parsed into its schema', () => {
    expect(report.industry).toEqual({
      industry: expect.any(String),
      confidence: expect.any(Number),
      signals: expect.any(Array),
    });
    expect(report.industry.confidence).toBeGreaterThanOrEqual(0);
    expect(report.industry.confidence).toBeLessThanOrEqual(1);
    expect(Array.isArray(report.analysis.requiredTools)).toBe(true);
    expect(['string', 'object']).toContain(typeof report.analysis.company);
  });

  it('revises a letter that fails the rules, and stops at --max-attempts', () => {
    const [first] = report.attempts;
    expect(first?.critique.findings.some((finding) => finding.severity === 'error')).toBe(true);
    expect(report.attempts.map((attempt) => attempt.attempt)).toEqual([1, 2]);
    expect(['failed', 'passed-after-revision']).toContain(report.status);
  });

  it('sends the analysis, then the letters, each as JSON Schema output, and every answer completes', (context) => {
    if (served === undefined)
      return context.skip('the endpoint is not the test server: its request log is unknown');
    const names = served.map((request) => request.schemaName);
    expect(names[0]).toBe('posting_analysis');
    // One letter call per attempt, plus at most one schema repair each.
    const letters = names.filter((name) => name === 'cover_letter').length;
    expect(letters).toBeGreaterThanOrEqual(2);
    expect(letters).toBeLessThanOrEqual(4);
    expect(names.every((name) => name === 'posting_analysis' || name === 'cover_letter')).toBe(true);
    expect(served.every((request) => request.format === 'json_schema' && request.status === 200)).toBe(true);
    expect(served.every((request) => request.finishReason === 'stop')).toBe(true);
  });

  it("reports usage that matches the server's own token counts", (context) => {
    expect(report.usage.promptTokens).toBeGreaterThan(0);
    expect(report.usage.completionTokens).toBeGreaterThan(0);
    if (served === undefined)
      return context.skip('the endpoint is not the test server: its counts are unknown');
    expect(report.usage).toMatchObject(usageOf(served));
  });

  it('never shows the API key, in its output or in the files it wrote', async (context) => {
    if (endpoint === undefined || endpoint.apiKey === '') return context.skip('no key was given to lede');
    const written = await Promise.all(
      (await readdir(folder)).map((name) => readFile(join(folder, name), 'utf8')),
    );
    for (const text of [run.stdout, run.stderr, ...written]) expect(text).not.toContain(endpoint.apiKey);
  });
});
