import type { Critique, Finding, SkippedRule } from '../critic/finding.js';
import { printableName } from '../input/printable-name.js';

/** The marks reports and `lede check` put before a finding. */
export const severityMarks = { error: '✖', warning: '⚠' } as const;

const maxEvidenceLength = 120;

/** The first `length` characters of `text`, ended at a word boundary unless that would drop more than half. */
function leadingWords(text: string, length: number): string {
  const head = text.slice(0, length);
  if (text[length] === ' ') return head;
  const space = head.lastIndexOf(' ');
  return space > length / 2 ? head.slice(0, space) : head;
}

/** The last `length` characters of `text`, started at a word boundary unless that would drop more than half. */
function trailingWords(text: string, length: number): string {
  const start = text.length - length;
  const tail = text.slice(start);
  if (text[start - 1] === ' ') return tail;
  const space = tail.indexOf(' ');
  return space !== -1 && space < length / 2 ? tail.slice(space + 1) : tail;
}

/**
 * The evidence as one quoted line: Markdown marks dropped, whitespace collapsed, long quotes shortened in the middle between whole words
 * ("help nur ... sk" says nothing; whole words at both ends still read).
 */
export function quoteEvidence(text: string): string {
  // Markdown emphasis and code marks are formatting, not words: `**Project Relay**` reads as Project Relay.
  const flat = text
    .replace(/\*\*|__|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= maxEvidenceLength) return `"${flat}"`;
  const half = Math.floor((maxEvidenceLength - 5) / 2);
  return `"${leadingWords(flat, half)} ... ${trailingWords(flat, half)}"`;
}

/**
 * `✖ no-placeholder: Replace [Company Name] with ... "[Company Name]"`; a finding only the profile can fix says so
 * first, so a reader knows rewriting the letter will not help.
 */
export function renderFinding(finding: Finding): string {
  const evidence = finding.evidence === null ? '' : ` ${quoteEvidence(finding.evidence.text)}`;
  const where = finding.needsProfile === true ? ' (fix in your profile)' : '';
  return `${severityMarks[finding.severity]} ${finding.ruleId}${where}: ${finding.message}${evidence}`;
}

export function renderSkipped(skipped: SkippedRule): string {
  return `- ${skipped.ruleId}: ${skipped.reason}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `✔ letter.md passes every error-level rule (1 warning; industry tech)` or `✖ ... fails 2 error-level rules (3 errors, ...)`. */
export function renderVerdict(critique: Critique, subject: string): string {
  let errors = 0;
  let warnings = 0;
  const failedRules = new Set<string>();
  for (const finding of critique.findings) {
    if (finding.severity === 'error') {
      errors++;
      failedRules.add(finding.ruleId);
    } else warnings++;
  }
  const industry = `industry ${critique.industry}`;
  if (critique.passed) {
    const note = warnings === 0 ? 'no findings' : plural(warnings, 'warning');
    return `✔ ${subject} passes every error-level rule (${note}; ${industry})`;
  }
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  return `✖ ${subject} fails ${plural(failedRules.size, 'error-level rule')} (${counts}; ${industry})`;
}

/** The verdict, one line per finding, then the rules that did not run: what `lede check` prints. */
export function renderCritique(critique: Critique, subject: string): string {
  const lines = [renderVerdict(critique, printableName(subject))];
  for (const finding of critique.findings) lines.push(`  ${renderFinding(finding)}`);
  if (critique.skipped.length > 0) {
    lines.push('', 'Skipped rules:');
    for (const skipped of critique.skipped) lines.push(`  ${renderSkipped(skipped)}`);
  }
  return `${lines.join('\n')}\n`;
}
