import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readDocumentText } from '../../input/read-document.js';
import { packageRoot } from '../../package-root.js';
import { loadPlaybooks } from '../../playbooks/load-playbooks.js';
import { buildProfileDraft } from '../../resume/build-profile-draft.js';
import { loadResumeSet, realResumesFolder } from './resume-set.js';
import { type ResumeScore, scoreResume, type Tally } from './score-resume.js';

/** One resume's score, or why it was not scored (a pointer whose file was not fetched). */
export interface ResumeResult {
  readonly id: string;
  readonly split: 'dev' | 'holdout';
  readonly layout: string;
  readonly score?: ResumeScore;
  readonly skipped?: string;
}

/** Imports every resume of the set that is present and scores it against its label. */
export async function evalResumes(root: string = packageRoot()): Promise<ResumeResult[]> {
  const folder = join(root, realResumesFolder);
  const set = await loadResumeSet(folder);
  const common = (await loadPlaybooks()).common;
  const results: ResumeResult[] = [];
  for (const { resume, label, split } of set) {
    const path = join(folder, 'files', resume.file);
    if (!existsSync(path)) {
      results.push({ id: resume.id, split, layout: resume.layout, skipped: 'not fetched (run rebuild.py)' });
      continue;
    }
    const { text } = await readDocumentText(path, 'resume');
    const draft = buildProfileDraft(text, { tools: common.tools, methods: common.methods });
    results.push({ id: resume.id, split, layout: resume.layout, score: scoreResume(text, draft, label) });
  }
  return results;
}

const kinds = ['achievements', 'employers', 'schools', 'metrics', 'tools'] as const;

function sum(results: readonly ResumeResult[], kind: (typeof kinds)[number]): Tally {
  return results.reduce(
    (total, result) =>
      result.score === undefined
        ? total
        : { found: total.found + result.score[kind].found, of: total.of + result.score[kind].of },
    { found: 0, of: 0 },
  );
}

function percent(tally: Tally): string {
  return tally.of === 0 ? '   -  ' : `${((100 * tally.found) / tally.of).toFixed(1).padStart(5)}%`;
}

/** The figures as a table: per resume, then recall per split, and the invented values (the count must be 0). */
export function renderResumeReport(results: readonly ResumeResult[]): string {
  const lines = [
    `${'resume'.padEnd(15)}${'split'.padEnd(9)}${kinds.map((kind) => kind.padEnd(14)).join('')}invented`,
  ];
  for (const result of results) {
    if (result.score === undefined) {
      lines.push(`${result.id.padEnd(15)}${result.split.padEnd(9)}skipped: ${result.skipped ?? ''}`);
      continue;
    }
    const score = result.score;
    const cells = kinds.map((kind) => `${score[kind].found}/${score[kind].of}`.padEnd(14));
    lines.push(`${result.id.padEnd(15)}${result.split.padEnd(9)}${cells.join('')}${score.invented.length}`);
  }
  lines.push('');
  for (const split of ['dev', 'holdout'] as const) {
    const scored = results.filter((result) => result.split === split && result.score !== undefined);
    const invented = scored.reduce((total, result) => total + (result.score?.invented.length ?? 0), 0);
    const figures = kinds.map((kind) => `${kind} ${percent(sum(scored, kind))}`).join('  ');
    lines.push(
      `${split.padEnd(8)} (${scored.length} resumes)  recall: ${figures}  invented values: ${invented}`,
    );
  }
  const invented = results.flatMap((result) =>
    (result.score?.invented ?? []).map((value) => `${result.id}: ${value}`),
  );
  if (invented.length > 0) lines.push('', 'invented values:', ...invented.map((value) => `  ${value}`));
  return `${lines.join('\n')}\n`;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  const results = await evalResumes();
  process.stdout.write(renderResumeReport(results));
  // Only the dev set's misses are shown: the holdout is not looked at while tuning.
  if (process.argv.includes('--missed')) {
    for (const result of results.filter((each) => each.split === 'dev')) {
      for (const line of result.score?.missed ?? []) process.stdout.write(`missed ${result.id}: ${line}\n`);
    }
  }
  // No invented value is the importer's promise: a run that finds one fails.
  if (results.some((result) => (result.score?.invented.length ?? 0) > 0)) process.exitCode = 1;
}
