import { ConfigError } from '../errors.js';
import type { EvalCase } from './dataset.js';

const fields = {
  industry: (evalCase: EvalCase) => [evalCase.label.industry],
  case: (evalCase: EvalCase) => [evalCase.id],
  posting: (evalCase: EvalCase) => [evalCase.postingId],
  profile: (evalCase: EvalCase) => [evalCase.profileId],
  trait: (evalCase: EvalCase) => [...evalCase.label.traits],
} as const;
type Field = keyof typeof fields;

/**
 * `--filter` terms: `industry=finance` (or `industry=finance,retail`), `profile=new-grad`, `case=tech-01/new-grad`, `posting=...`, `trait=agency`,
 * or bare text matched anywhere in the case id. Terms on the same field are alternatives (OR); terms on different
 * fields must all hold (AND). A value ending in `*` matches as a prefix.
 */
export function filterCases(cases: readonly EvalCase[], terms: readonly string[]): EvalCase[] {
  if (terms.length === 0) return [...cases];
  const wanted = new Map<Field | 'text', string[]>();
  for (const term of terms.map((item) => item.trim()).filter(Boolean)) {
    const equals = term.indexOf('=');
    const key = equals === -1 ? 'text' : term.slice(0, equals).trim();
    if (key !== 'text' && !(key in fields)) {
      throw new ConfigError('config.invalid-filter', `--filter ${term}: unknown field "${key}"`, {
        field: 'filter',
        hint: `use ${Object.keys(fields).join('=, ')}= or plain text matched in the case id`,
      });
    }
    const values = (equals === -1 ? term : term.slice(equals + 1))
      .split(',')
      .map((value) => value.trim().toLowerCase());
    wanted.set(key as Field | 'text', [
      ...(wanted.get(key as Field | 'text') ?? []),
      ...values.filter(Boolean),
    ]);
  }
  const matches = (candidate: string, value: string): boolean =>
    value.endsWith('*') ? candidate.startsWith(value.slice(0, -1)) : candidate === value;
  const selected = cases.filter((evalCase) =>
    [...wanted].every(([key, values]) =>
      key === 'text'
        ? values.some((value) => evalCase.id.includes(value))
        : values.some((value) => fields[key](evalCase).some((candidate) => matches(candidate, value))),
    ),
  );
  if (selected.length === 0) {
    throw new ConfigError('config.filter-matches-nothing', `--filter ${terms.join(' ')} matches no case`, {
      field: 'filter',
      hint: 'check the spelling: case ids look like tech-01/new-grad; industries are tech, finance, retail, general',
    });
  }
  return selected;
}
