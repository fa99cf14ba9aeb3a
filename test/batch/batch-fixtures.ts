import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type DirectOptions, directTransport } from '../../src/batch/direct-transport.js';
import type { Progress } from '../../src/batch/progress.js';
import { type BatchDeps, type BatchOptions, runBatch } from '../../src/batch/run-batch.js';
import type { BatchRun } from '../../src/batch/write-summary.js';
import type { Rule } from '../../src/critic/rule.js';
import type { Engine } from '../../src/pipeline/engine.js';
import { loadPlaybooks } from '../../src/playbooks/load-playbooks.js';
import type { PlaybookSet } from '../../src/playbooks/playbook-schema.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import type { Profile } from '../../src/profile/profile-schema.js';
import { newTemporaryFolder } from '../support/temporary-folder.js';

/** A rule for batch tests, independent of the real rulebook: a letter must not contain "TODO". */
export const noTodoRule: Rule = {
  id: 'no-todo',
  industries: 'all',
  severity: 'error',
  requires: [],
  description: 'The letter has no TODO left in it.',
  why: 'A test rule.',
  examples: { pass: { letter: 'Done.' }, fail: { letter: 'TODO' } },
  repair: 'drop-sentence',
  check(letter) {
    const start = letter.text.indexOf('TODO');
    if (start === -1) return [];
    return [
      {
        ruleId: 'no-todo',
        severity: 'error',
        message: 'Replace the TODO with the sentence it stands for.',
        evidence: { text: 'TODO', start, end: start + 4 },
      },
    ];
  },
};

/** A posting long enough to pass the minimum length, naming its company on a "Company:" line. */
export function postingText(company: string, extra = ''): string {
  return (
    `Machine Learning Engineer\nCompany: ${company}\n\n` +
    `${company} is hiring a machine learning engineer to build and run production models for ranking and ` +
    `forecasting, own feature pipelines, monitor models in production and work with product teams. ${extra}\n`
  );
}

/** A new temporary folder, removed when the test file has run. */
export async function temporaryFolder(): Promise<string> {
  return newTemporaryFolder('batch');
}

/** Writes files (relative path -> content) into a new temporary folder. */
export async function folderWith(files: Record<string, string>): Promise<string> {
  const root = await temporaryFolder();
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/** Every file under a folder, relative and sorted. */
export async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

let shared: { profile: Profile; playbooks: PlaybookSet } | undefined;

export async function profileAndPlaybooks(): Promise<{ profile: Profile; playbooks: PlaybookSet }> {
  shared ??= {
    profile: await loadProfile(join(import.meta.dirname, '../../examples/profiles/experienced-mle.yaml')),
    playbooks: await loadPlaybooks(),
  };
  return shared;
}

/** Progress that records what it was told. */
export function recordingProgress(): Progress & { readonly lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    start: (total) => lines.push(`start ${total}`),
    postingDone: (posting, status, counts) =>
      lines.push(`${counts.done}/${counts.total} ${status} ${posting}`),
    note: (message) => lines.push(`note ${message}`),
    finish: () => lines.push('finish'),
  };
}

/** A direct batch's options: the run's, and how the transport calls the engine. */
export type DirectBatchOptions = BatchOptions &
  Pick<DirectOptions, 'concurrency' | 'limits' | 'maxOutputTokens' | 'rateLimitRetries'>;

/** A direct batch's dependencies: the run's, the engine, and the transport's limiter, clock and abort signal. */
export type DirectBatchDeps = Omit<BatchDeps, 'transport'> &
  Pick<DirectOptions, 'engine' | 'limiter' | 'abortSignal' | 'sleep'>;

export function batchOptions(
  folder: string,
  out: string,
  overrides: Partial<DirectBatchOptions> = {},
): DirectBatchOptions {
  return {
    folder,
    out,
    recursive: false,
    force: false,
    concurrency: 2,
    pipeline: { maxAttempts: 2, maxWords: 250 },
    limits: {},
    maxOutputTokens: 1000,
    config: {},
    ...overrides,
  };
}

export async function batchDeps(
  engine: Engine,
  overrides: Partial<DirectBatchDeps> = {},
): Promise<DirectBatchDeps> {
  const { profile, playbooks } = await profileAndPlaybooks();
  return {
    engine,
    profile,
    playbooks,
    renderReport: (result) => `# Report: ${result.source}\n\nStatus: ${result.status}\n`,
    progress: recordingProgress(),
    rules: [noTodoRule],
    ...overrides,
  };
}

/** The batch core over the direct transport, as `lede batch` runs it without `--via batch-api`. */
export function runDirect(options: DirectBatchOptions, deps: DirectBatchDeps): Promise<BatchRun> {
  return runBatch(options, { ...deps, transport: directTransport({ ...options, ...deps }) });
}
