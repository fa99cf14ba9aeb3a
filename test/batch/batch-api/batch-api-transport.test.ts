import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ChatRequestBody,
  defaultAnswer,
  type FakeServer,
  startFakeOpenAiServer,
} from '../../../bench/fake-openai-server.js';
import { type BatchApiOptions, batchApiTransport } from '../../../src/batch/batch-api/batch-api-transport.js';
import { ManifestSchema } from '../../../src/batch/manifest.js';
import { type BatchDeps, type BatchOptions, runBatch } from '../../../src/batch/run-batch.js';
import type { BatchRun } from '../../../src/batch/write-summary.js';
import { createLlmEngine } from '../../../src/engines/openai/llm-engine.js';
import { createOpenAiBatchApi } from '../../../src/engines/openai/openai-batch-api.js';
import {
  folderWith,
  listFiles,
  noTodoRule,
  postingText,
  profileAndPlaybooks,
  recordingProgress,
  temporaryFolder,
} from '../batch-fixtures.js';

type BatchApiRunOptions = BatchOptions & Omit<BatchApiOptions, 'api' | 'engineFor' | 'sleep'>;
type BatchApiRunDeps = Omit<BatchDeps, 'transport'> & Pick<BatchApiOptions, 'api' | 'engineFor' | 'sleep'>;

/** The batch core over the Batch API transport, as `lede batch --via batch-api` runs it. */
function runBatchApi(options: BatchApiRunOptions, deps: BatchApiRunDeps): Promise<BatchRun> {
  return runBatch(options, { ...deps, transport: batchApiTransport({ ...options, ...deps }) });
}

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** First drafts keep a TODO (which the test rule rejects); revisions, which carry the findings, drop it. */
function answerWithRevision(body: ChatRequestBody): string {
  if (body.response_format?.json_schema?.name !== 'cover_letter') return defaultAnswer(body);
  const revising = body.messages?.some((message) => message.content.includes('<findings>')) === true;
  const draft = JSON.parse(defaultAnswer(body)) as { letter: string; usedFactIds: string[] };
  return JSON.stringify({
    ...draft,
    letter: revising
      ? draft.letter
      : draft.letter.replace('Dear Hiring Manager,', 'Dear Hiring Manager, TODO'),
  });
}

async function setUp(serverOptions: Parameters<typeof startFakeOpenAiServer>[0]) {
  const server = await startFakeOpenAiServer({ batchApi: true, ...serverOptions });
  servers.push(server);
  const api = createOpenAiBatchApi({
    apiKey: 'test-key-not-real',
    baseUrl: server.url,
    model: 'gpt-4o-mini',
    maxRetries: 0,
  });
  const folder = await folderWith({
    'acme.txt': postingText('Acme Robotics'),
    'bank.txt': postingText('Northwind Bank', 'The bank needs fraud models.'),
  });
  const out = await temporaryFolder();
  const progress = recordingProgress();
  const { profile, playbooks } = await profileAndPlaybooks();
  const deps: BatchApiRunDeps = {
    api,
    engineFor: (client) => createLlmEngine({ client, temperature: 0.4 }),
    profile,
    playbooks,
    renderReport: (result) => `# Report: ${result.source}\n`,
    progress,
    rules: [noTodoRule],
  };
  const options: BatchApiRunOptions = {
    folder,
    out,
    recursive: false,
    force: false,
    pipeline: { maxAttempts: 2, maxWords: 250 },
    config: {},
    pollIntervalMs: 1,
  };
  return { server, api, folder, out, progress, deps, options };
}

describe('runBatchApi (--via batch-api) against a local files and batches server', () => {
  it('runs the analysis, the draft and a revision as three rounds of jobs, then writes the letters', async () => {
    const { server, out, progress, deps, options } = await setUp({
      answer: answerWithRevision,
      batchPollsUntilDone: 2,
    });

    const { summary } = await runBatchApi(options, deps);

    expect(summary.rows.map((row) => [row.posting, row.status, row.attempts, row.company])).toEqual([
      ['acme.txt', 'passed-after-revision', 2, 'Acme Robotics'],
      ['bank.txt', 'passed-after-revision', 2, 'Northwind Bank'],
    ]);
    expect(server.stats.uploads.map((upload) => [upload.filename, upload.purpose, upload.lines])).toEqual([
      ['lede-round-1-part-1.jsonl', 'batch', 2],
      ['lede-round-2-part-1.jsonl', 'batch', 2],
      ['lede-round-3-part-1.jsonl', 'batch', 2],
    ]);
    expect(server.stats.bySchema).toEqual({});
    expect(server.stats.chatRequests).toBe(0);
    expect(summary.usage).toEqual({
      calls: 6,
      promptTokens: server.stats.promptTokens,
      completionTokens: server.stats.completionTokens,
      cachedCalls: 0,
    });
    expect(
      progress.lines.filter((line) => line.startsWith('note round') && line.includes('requests for')),
    ).toEqual([
      'note round 1: 2 requests for 2 postings in 1 Batch API job',
      'note round 2: 2 requests for 2 postings in 1 Batch API job',
      'note round 3: 2 requests for 2 postings in 1 Batch API job',
    ]);
    const letter = await readFile(join(out, summary.rows[0]?.outputs?.letter ?? ''), 'utf8');
    expect(letter).toContain('I would be glad to bring that to Acme Robotics');
    expect(letter).not.toContain('TODO');
    const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')));
    expect(manifest.batchApi).toMatchObject({
      round: 3,
      jobs: server.stats.batches.map((id) => ({ id, status: 'completed', downloaded: true })),
    });
  });

  it('names every request with its step, its posting and its key, and sends the bodies a direct call would', async () => {
    const { server, deps, options } = await setUp({ batchPollsUntilDone: 1 });
    const sent: string[] = [];
    const api = deps.api;
    const recording = {
      ...api,
      uploadRequests: (jsonl: string, name: string) => {
        sent.push(jsonl);
        return api.uploadRequests(jsonl, name);
      },
    };

    await runBatchApi(
      { ...options, pipeline: { maxAttempts: 1, maxWords: 250 } },
      { ...deps, api: recording },
    );

    const lines = sent.flatMap((file) =>
      file
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    );
    expect(lines.map((line) => line.custom_id.replace(/~[0-9a-f]{32}$/, '~<key>'))).toEqual([
      'analyze~acme-d2bedf~<key>',
      'analyze~bank-985ff4~<key>',
      'draft~acme-d2bedf~<key>',
      'draft~bank-985ff4~<key>',
    ]);
    expect(lines[0]).toMatchObject({
      method: 'POST',
      url: '/v1/chat/completions',
      body: {
        model: 'gpt-4o-mini',
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'posting_analysis', strict: true },
        },
      },
    });
    expect(server.stats.uploads).toHaveLength(2);
  });

  it('splits a round into several files at the per-file request limit', async () => {
    const { server, deps, options } = await setUp({ batchPollsUntilDone: 1 });

    await runBatchApi(
      {
        ...options,
        pipeline: { maxAttempts: 1, maxWords: 250 },
        fileLimits: { maxRequests: 1, maxBytes: 1e9 },
      },
      deps,
    );

    expect(server.stats.uploads.map((upload) => [upload.filename, upload.lines])).toEqual([
      ['lede-round-1-part-1.jsonl', 1],
      ['lede-round-1-part-2.jsonl', 1],
      ['lede-round-2-part-1.jsonl', 1],
      ['lede-round-2-part-2.jsonl', 1],
    ]);
  });

  it('resumes after a stop: polls the job already submitted, pays for nothing twice, and finishes', async () => {
    const { server, deps, options } = await setUp({ batchPollsUntilDone: 3 });
    const stop = new AbortController();
    const stopping = {
      ...deps,
      stopSignal: stop.signal,
      progress: {
        ...deps.progress,
        note: (message: string) => (message.includes('in_progress') ? stop.abort() : undefined),
      },
    };

    const first = await runBatchApi({ ...options, pipeline: { maxAttempts: 1, maxWords: 250 } }, stopping);

    expect(first.summary.stopReason).toBe('signal');
    expect(first.summary.exitCode).toBe(130);
    expect(first.summary.rows.map((row) => row.status)).toEqual(['not-run', 'not-run']);
    expect(server.stats.batches).toHaveLength(1);

    const second = await runBatchApi({ ...options, pipeline: { maxAttempts: 1, maxWords: 250 } }, deps);

    expect(second.summary.rows.map((row) => row.status === 'passed' || row.status === 'failed')).toEqual([
      true,
      true,
    ]);
    expect(server.stats.uploads.map((upload) => upload.filename)).toEqual([
      'lede-round-1-part-1.jsonl',
      'lede-round-2-part-1.jsonl',
    ]);
  });

  it('fails only the posting whose request the job could not answer', async () => {
    const { deps, options } = await setUp({
      batchPollsUntilDone: 1,
      failCustomId: (customId) => customId.startsWith('draft~bank-'),
    });

    const { summary } = await runBatchApi({ ...options, pipeline: { maxAttempts: 1, maxWords: 250 } }, deps);

    expect(
      summary.rows.map((row) => [
        row.posting,
        row.status === 'error'
          ? row.error?.message.replace(/batch_\w+/, 'batch_<id>').replace(/[0-9a-f]{32}/, '<key>')
          : 'done',
      ]),
    ).toEqual([
      ['acme.txt', 'done'],
      [
        'bank.txt',
        'Batch API job batch_<id>: request draft~bank-985ff4~<key> failed: HTTP 500: The server had an error.',
      ],
    ]);
    expect(summary.exitCode).toBe(3);
  });

  it('refuses an endpoint without the Batch API before uploading anything', async () => {
    const { server, deps, options } = await setUp({ batchApi: false });

    await expect(runBatchApi(options, deps)).rejects.toMatchObject({
      code: 'llm.batch-api-unavailable',
      message: expect.stringContaining('does not offer the Batch API (HTTP 404 on /batches)'),
    });
    expect(server.stats.uploads).toEqual([]);
    expect(await listFiles(options.out)).toEqual([]);
  });
});
