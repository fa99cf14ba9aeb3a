import { textTable } from '../../text/text-table.js';
import { letterTargets } from './letters-baseline.js';
import type { LetterOutcome, LettersSummary, RuleScore } from './run-letters-eval.js';
import { agrees, letterRules } from './score-letter.js';

const rate = (value: number | null): string => (value === null ? '-' : value.toFixed(3));

/** The first row is the header. */
function table(rows: readonly (readonly string[])[]): string {
  return textTable(rows[0] ?? [], rows.slice(1));
}

/** "met" when every figure that exists reaches its target. */
function verdict(score: RuleScore): string {
  if (score.letters === 0) return '';
  const below =
    (score.agreement ?? 1) < letterTargets.agreement ||
    (score.precision ?? 1) < letterTargets.precision ||
    (score.recall ?? 1) < letterTargets.recall;
  return below ? 'below' : 'met';
}

const cells = (score: RuleScore): string[] => [
  `${rate(score.agreement)} (${score.agreed}/${score.letters})`,
  rate(score.precision),
  rate(score.recall),
  verdict(score),
];

/** The stdout table: per rule, agreement, precision and recall on dev and on the holdout. */
export function renderLettersTable(dev: LettersSummary, holdout: LettersSummary): string {
  const rows: string[][] = [
    [
      'rule',
      `dev (${dev.letters}) agree`,
      'prec',
      'recall',
      '',
      `holdout (${holdout.letters}) agree`,
      'prec',
      'recall',
      '',
    ],
  ];
  for (const rule of letterRules) rows.push([rule, ...cells(dev.rules[rule]), ...cells(holdout.rules[rule])]);
  const { agreement, precision, recall } = letterTargets;
  return `${table(rows)}\ntargets: agreement ${agreement}, precision ${precision}, recall ${recall} ("fires" is positive)\n`;
}

/** Every disagreement on the dev split, for a person to read: what was expected, what fired, and the evidence. */
export function renderDevMisses(outcomes: readonly LetterOutcome[]): string {
  const lines: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.label.split !== 'dev') continue;
    const missed = letterRules.filter((rule) => !agrees(outcome.verdicts[rule]));
    if (missed.length === 0) continue;
    lines.push(`## ${outcome.label.id}`);
    if (outcome.label.note !== undefined) lines.push(`label note: ${outcome.label.note}`);
    for (const rule of missed) {
      const { expected } = outcome.verdicts[rule];
      const finding = outcome.critique.findings.find((candidate) => candidate.ruleId === rule);
      const evidence = finding?.evidence?.text;
      lines.push(
        `- ${rule}: ${expected ? 'should fire, did not' : `fired, should not${evidence === undefined ? '' : `: "${evidence}"`}`}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
