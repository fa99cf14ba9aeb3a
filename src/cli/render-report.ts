import { usd } from '../batch/render-summary.js';
import { printableName } from '../input/printable-name.js';
import type { PipelineResult } from '../pipeline/run-pipeline.js';
import { quoteEvidence, renderFinding, renderSkipped } from './render-critique.js';

function milliseconds(value: number): string {
  return `${Math.round(value)} ms`;
}

function counts(result: PipelineResult['attempts'][number]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const finding of result.critique.findings) {
    if (finding.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/**
 * A letter's report as Markdown: what was learned from the posting (industry, company, hook and its evidence), the
 * verdict, every finding of the chosen attempt with its evidence, the rules that did not run, every attempt with the
 * findings of the others (what each revision answered), and the cost. Shared by `lede draft` and `lede batch`; the JSON report is the `PipelineResult` itself.
 */
export function renderReport(result: PipelineResult, cost?: ReportCost): string {
  const best =
    result.attempts.find((attempt) => attempt.attempt === result.bestAttempt) ?? result.attempts.at(-1);
  const { industry, analysis, usage, timings } = result;
  const lines: string[] = [
    `# Report: ${printableName(result.source)}`,
    '',
    `- Status: ${result.status} (attempt ${result.bestAttempt} of ${result.attempts.length})`,
    `- Engine: ${result.engine}${result.model === result.engine ? '' : ` (${result.model})`}`,
    ...readBy(result),
    `- Industry: ${industry.industry} (confidence ${industry.confidence.toFixed(2)})${
      industry.signals.length === 0 ? '' : `; signals: ${industry.signals.join(', ')}`
    }`,
    `- Company: ${analysis.company ?? '(not named in the posting)'}`,
  ];
  if (analysis.role !== null) lines.push(`- Role: ${analysis.role}`);
  lines.push(
    analysis.hook === null
      ? '- Hook: none (the posting names no specific initiative; the letter ties to what the team does)'
      : `- Hook: ${analysis.hook.text}, from the posting: ${quoteEvidence(analysis.hook.evidence)}`,
  );
  if (analysis.requiredTools.length > 0)
    lines.push(`- Tools the posting asks for: ${analysis.requiredTools.join(', ')}`);
  if (result.usedFactIds.length > 0) lines.push(`- Profile facts used: ${result.usedFactIds.join(', ')}`);
  if (result.lead !== undefined) lines.push(`- Leads with: ${leadReason(result.lead)}`);
  if (result.reading !== undefined && result.reading.overridden.length > 0)
    lines.push(`- Set by you: ${result.reading.overridden.join(', ')}`);
  for (const refusal of result.reading?.refused ?? [])
    lines.push(
      `- Not used: the ${refusal.field} read as ${JSON.stringify(refusal.value)} (${refusal.reason}); ${
        refusal.replacement === null
          ? 'left out'
          : `the offline reading ${JSON.stringify(refusal.replacement)} was used instead`
      }. Pass --${refusal.field === 'hiringManager' ? 'hiring-manager' : refusal.field} to set it.`,
    );

  lines.push('', `## Findings (attempt ${result.bestAttempt})`, '');
  const findings = best?.critique.findings ?? [];
  if (findings.length === 0) lines.push('None: the letter passes every rule that ran.');
  for (const finding of findings) lines.push(`- ${renderFinding(finding)}`);

  const skipped = best?.critique.skipped ?? [];
  if (skipped.length > 0) {
    lines.push('', '## Skipped rules', '');
    for (const rule of skipped) lines.push(renderSkipped(rule));
  }

  lines.push(
    '',
    '## Attempts',
    '',
    '| attempt | errors | warnings | calls | time |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const attempt of result.attempts) {
    const { errors, warnings } = counts(attempt);
    lines.push(
      `| ${attempt.attempt}${attempt.attempt === result.bestAttempt ? ' (kept)' : ''} | ${errors} | ${warnings} | ${
        attempt.usage.calls
      } | ${milliseconds(attempt.durationMs)} |`,
    );
  }

  // The findings that drove each revision: the kept attempt's are above, the others only here.
  for (const attempt of result.attempts) {
    if (attempt.attempt === result.bestAttempt) continue;
    lines.push('', `### Findings of attempt ${attempt.attempt}`, '');
    if (attempt.critique.findings.length === 0) lines.push('None: the letter passed every rule that ran.');
    for (const finding of attempt.critique.findings) lines.push(`- ${renderFinding(finding)}`);
  }

  const cachedTokens = (usage.cachedPromptTokens ?? 0) + (usage.cachedCompletionTokens ?? 0);
  const cached =
    usage.cachedCalls === 0
      ? ''
      : ` (${usage.cachedCalls} from the cache${cachedTokens === 0 ? '' : `: ${cachedTokens} of the tokens below not paid for`})`;
  lines.push(
    '',
    '## Usage',
    '',
    `- LLM calls: ${usage.calls}${cached}; tokens: ${usage.promptTokens} prompt + ${usage.completionTokens} completion`,
    ...(cost === undefined ? [] : [costLine(cost)]),
    `- Time: analyse ${milliseconds(timings.analyzeMs)}, draft ${milliseconds(
      timings.draftMs,
    )}, revise ${milliseconds(timings.reviseMs)}, total ${milliseconds(timings.totalMs)}`,
  );
  const stopped = result.revisionStopped;
  if (stopped !== undefined) {
    lines.push(
      `- Revisions stopped: attempt ${stopped.attempt} would have sent the same letter and findings as attempt ${stopped.sameAs}, so it was not sent`,
    );
  }
  const sent = result.postingSent;
  if (sent !== undefined) {
    const left = [
      sent.boilerplateDropped > 0 ? `${sent.boilerplateDropped} boilerplate sentence(s) left out` : '',
      sent.cutForBudget > 0 ? `${sent.cutForBudget} sentence(s) cut to fit the prompt budget` : '',
    ].filter((part) => part !== '');
    lines.push(`- Posting sent to the model: ${sent.words} of ${sent.totalWords} words (${left.join('; ')})`);
  }
  return `${withoutHtmlTags(lines.join('\n'))}\n`;
}

/**
 * The report quotes a model's letter and a posting: a `<script>` or `<img onerror>` in them must stay text when the
 * report is opened in a Markdown viewer, so every tag opening is written as `&lt;`.
 */
function withoutHtmlTags(markdown: string): string {
  return markdown.replace(/<(?=[a-z/!?])/gi, '&lt;');
}

/** A letter's estimated spend (`lede draft` on the model path): null when the price table has no such model. */
export interface ReportCost {
  readonly model: string;
  readonly usd: number | null;
}

function costLine(cost: ReportCost): string {
  if (cost.usd === null)
    return `- Estimated cost: unknown (no price for ${cost.model}; pass --prices with a file that gives its price per million tokens)`;
  return `- Estimated cost: ${usd(cost.usd)} at ${cost.model}'s price per token (calls answered from the cache are free)`;
}

/** Who read the posting, on the model path only: the offline engine always reads it itself. */
function readBy(result: PipelineResult): string[] {
  const source = result.readingSource;
  if (result.engine === 'offline' || source === undefined) return [];
  const who = source.by === 'model' ? 'the model (one call)' : 'the offline reader (no call)';
  return [`- Posting read by: ${who}; ${source.reason}`];
}

function leadReason(lead: NonNullable<PipelineResult['lead']>): string {
  const words = lead.matched.map((word) => `"${word}"`).join(', ');
  if (lead.matched.length === 0) return `${lead.factId}, which shares no telling word with the posting`;
  const standing =
    lead.rank === 1 ? 'the closest match in your profile' : `number ${lead.rank} by the posting's words`;
  return `${lead.factId} (${standing}): matches the posting's ${words}`;
}
