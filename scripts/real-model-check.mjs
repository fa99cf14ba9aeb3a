#!/usr/bin/env node
// Drives the built CLI against a real model behind an OpenAI-compatible endpoint, and checks structure and behaviour,
// never wording: the analysis and draft calls are made, answers arrive as JSON that parses, usage is reported, a
// batch finishes. Opt-in: it runs only when LEDE_REAL_MODEL=1, and CI (.ci/run) calls it only then.
//
//   LEDE_REAL_MODEL=1 OPENAI_BASE_URL=http://localhost:8080/v1 LEDE_MODEL=smollm2 npm run check:real-model
//   LEDE_REAL_MODEL=1 OPENAI_API_KEY=sk-... LEDE_MODEL=gpt-4o-mini npm run check:real-model
//
// Environment: OPENAI_BASE_URL and/or OPENAI_API_KEY, LEDE_MODEL (as for lede itself); LEDE_REAL_MODEL_TIMEOUT_MS
// bounds each command (default 600000). The key is passed to lede through the environment and never printed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');

if (process.env.LEDE_REAL_MODEL !== '1') {
  console.log('real-model check skipped: set LEDE_REAL_MODEL=1 and OPENAI_BASE_URL (and OPENAI_API_KEY) to run it');
  process.exit(0);
}
if (!process.env.OPENAI_BASE_URL && !process.env.OPENAI_API_KEY) {
  console.error('real-model check: set OPENAI_BASE_URL (a local server) or OPENAI_API_KEY (OpenAI) first');
  process.exit(2);
}
if (!existsSync(cli)) {
  console.error(`real-model check: ${cli} is missing; run npm run build first`);
  process.exit(2);
}

const timeout = Number(process.env.LEDE_REAL_MODEL_TIMEOUT_MS ?? 600000);
const failures = [];
const check = (what, ok) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

function lede(args) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout });
  return { ...run, seconds: (Date.now() - started) / 1000 };
}

const profile = 'examples/profiles/experienced-mle.yaml';
const draft = lede([
  'draft',
  'examples/postings/orbitly-ml-platform.md',
  '--profile',
  profile,
  '--engine',
  'openai',
  '--cache',
  'off',
  '--max-attempts',
  '2',
  '--json',
]);
// 0: the letter passed the critic; 1: it did not (a small model writes poorly). Anything else is a failure.
check(`lede draft exits 0 or 1 (got ${draft.status}, ${draft.seconds.toFixed(1)} s)`, draft.status === 0 || draft.status === 1);
let result;
try {
  result = JSON.parse(draft.stdout);
} catch {
  result = undefined;
}
check('lede draft --json prints a result that parses', result !== undefined);
if (result !== undefined) {
  const { usage, attempts, analysis, industry } = result;
  check(`the analysis and the draft are model calls (calls: ${usage?.calls})`, usage?.calls >= 2);
  check(
    `usage is reported (${usage?.promptTokens} prompt + ${usage?.completionTokens} completion tokens)`,
    usage?.promptTokens > 0 && usage?.completionTokens > 0,
  );
  check(`an industry from the playbooks (${industry?.industry})`, typeof industry?.industry === 'string');
  check('the reading has its fields', analysis !== undefined && 'company' in analysis && 'hook' in analysis);
  check(`at most --max-attempts attempts (${attempts?.length})`, attempts?.length >= 1 && attempts?.length <= 2);
  check('a non-empty letter', typeof result.letter === 'string' && result.letter.trim() !== '');
}
if (draft.status !== 0 && draft.status !== 1) console.error(draft.stderr.slice(0, 2000));

const out = mkdtempSync(join(tmpdir(), 'lede-real-model-'));
try {
  const batch = lede([
    'batch',
    'examples/postings',
    '--profile',
    profile,
    '--out',
    out,
    '--engine',
    'openai',
    '--cache',
    'off',
    '--max-attempts',
    '1',
    '--concurrency',
    '2',
    '--quiet',
  ]);
  check(`lede batch exits 0 or 1 (got ${batch.status}, ${batch.seconds.toFixed(1)} s)`, batch.status === 0 || batch.status === 1);
  const summaryPath = join(out, 'summary.json');
  const summary = existsSync(summaryPath) ? JSON.parse(readFileSync(summaryPath, 'utf8')) : undefined;
  check('lede batch writes summary.json', summary !== undefined);
  if (summary !== undefined) {
    const letters = summary.counts.passed + summary.counts.passedAfterRevision + summary.counts.failed;
    check(`every posting got a letter (${letters} of ${summary.counts.postings})`, letters === summary.counts.postings);
    check(
      `two calls per letter when the first draft is kept (${summary.usage.calls} calls)`,
      summary.usage.calls >= 2 * letters,
    );
  }
  if (batch.status !== 0 && batch.status !== 1) console.error(batch.stderr.slice(0, 2000));
} finally {
  rmSync(out, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`real-model check: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('real-model check: every check passed');
