import type { ProfileDraft } from '../../resume/build-profile-draft.js';
import type { ResumeLabel } from './resume-set.js';

/** A found/asked count for one kind of value. */
export interface Tally {
  found: number;
  of: number;
}

/** How one import compares with its label, and every value it wrote that the resume's text does not hold. */
export interface ResumeScore {
  readonly achievements: Tally;
  readonly employers: Tally;
  readonly schools: Tally;
  readonly metrics: Tally;
  readonly tools: Tally;
  /** Values not found in the resume's text (field: value): must stay empty. */
  readonly invented: readonly string[];
  /** Labelled values the import did not find, as `kind: value` (achievement lines by their opening words). */
  readonly missed: readonly string[];
}

/**
 * Text compared without case, marks, soft hyphens, HTML tags or spacing: the importer removes Markdown marks and tags,
 * never words. A tag is markup ("<b>", "</A>", "<span class=x>"); "<100K" is a value and stays.
 */
export function comparable(text: string): string {
  return (
    text
      .normalize('NFKC')
      .replace(/<\/?[a-zA-Z][\w-]*(?:\s[^<>]{0,200})?\/?>/g, ' ')
      // A soft hyphen at a line's end splits a word the importer joins again.
      .replace(/\u00ad\s*/g, '')
      .toLowerCase()
      .replace(/[\u2010-\u2015]/g, '-')
      .replace(/[^\p{L}\p{N}%$€£+~<>]+/gu, ' ')
      .trim()
  );
}

function overlaps(a: string, b: string): boolean {
  const left = comparable(a);
  const right = comparable(b);
  return left !== '' && right !== '' && (left.includes(right) || right.includes(left));
}

function unmatched(expected: readonly string[], found: readonly string[]): string[] {
  return expected.filter((value) => !found.some((each) => overlaps(each, value)));
}

function tally(expected: readonly string[], found: readonly string[]): Tally {
  return { found: expected.length - unmatched(expected, found).length, of: expected.length };
}

/** Scores a draft of `text` against its label. */
export function scoreResume(text: string, draft: ProfileDraft, label: ResumeLabel): ResumeScore {
  const facts = [...draft.achievements, ...draft.projects];
  const lines = facts.map((fact) => comparable(`${fact.did} ${fact.result ?? ''}`));
  const missed = label.achievements.filter(
    (line) => !lines.some((each) => each.startsWith(comparable(line))),
  );
  const whole = comparable(text);
  const values: [string, string][] = [
    ...(draft.name === undefined ? [] : [['name', draft.name] as [string, string]]),
    ...facts.flatMap((fact) => [
      ['did', fact.did] as [string, string],
      ...(fact.result === undefined ? [] : [['result', fact.result] as [string, string]]),
      ...(fact.employer === undefined ? [] : [['employer', fact.employer] as [string, string]]),
      ...(fact.role === undefined ? [] : [['role', fact.role] as [string, string]]),
      ...fact.metrics.map((metric) => ['metric', metric] as [string, string]),
      ...fact.tools.map((tool) => ['tool', tool] as [string, string]),
      ...fact.methods.map((method) => ['method', method] as [string, string]),
    ]),
    ...draft.skills.map((skill) => ['skill', skill] as [string, string]),
    ...draft.education.flatMap((entry) => [
      ['school', entry.school] as [string, string],
      ...(entry.degree === undefined ? [] : [['degree', entry.degree] as [string, string]]),
    ]),
  ];
  const found = {
    employers: draft.achievements.flatMap((fact) => (fact.employer === undefined ? [] : [fact.employer])),
    schools: draft.education.map((entry) => entry.school),
    metrics: facts.flatMap((fact) => fact.metrics),
    // A label's tools are the resume's, not one line's: a tool the draft keeps as a skill (from a "Key tech:" line
    // shared by several achievements) is found too.
    tools: [...facts.flatMap((fact) => fact.tools), ...draft.skills],
  };
  const kinds = ['employers', 'schools', 'metrics', 'tools'] as const;
  return {
    achievements: { found: label.achievements.length - missed.length, of: label.achievements.length },
    employers: tally(label.employers, found.employers),
    schools: tally(label.schools, found.schools),
    metrics: tally(label.metrics, found.metrics),
    tools: tally(label.tools, found.tools),
    invented: values
      .filter(([, value]) => !whole.includes(comparable(value)))
      .map(([field, value]) => `${field}: ${value}`),
    missed: [
      ...missed.map((line) => `achievement: ${line}`),
      ...kinds.flatMap((kind) =>
        unmatched(label[kind], found[kind]).map((value) => `${kind.slice(0, -1)}: ${value}`),
      ),
    ],
  };
}
