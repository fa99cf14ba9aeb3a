import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import { memoPair } from '../text/memo.js';
import { tokenize } from '../text/tokenize.js';
import { findTermsIn, type TermMatch, toolMatcher } from '../text/vocabulary-matcher.js';
import type { Posting } from './posting.js';

/** Tools a posting offers as a choice: any one of them meets the ask. */
export interface ToolChoice {
  /** Canonical tool names, in the posting's order. */
  readonly tools: readonly string[];
  /** "... or similar": a tool of the same kind the list does not name meets it too. */
  readonly open: boolean;
}

/** "XGBoost or LightGBM", "Airflow/Dagster", "PyTorch and/or JAX". */
const orLink = /^\s*,?\s*(?:or|and\/or|\/)\s*$/i;
const commaLink = /^\s*,\s*$/;
/** "LightGBM, Prophet, statsmodels or similar", "Airflow, Dagster, etc." */
const openEnd = /^\s*,?\s*(?:(?:or|and\/or)\s+(?:similar|equivalent|comparable|another|other)\b|etc\b)/i;
/** "a workflow tool such as Airflow or Dagster", "e.g. Feast, Tecton". */
const examplesBefore = /(?:such\s+as|for\s+example|e\.g\.?,?|like|\bsay)\s*:?\s*$/i;

/**
 * The choices one clause offers. A run of tools joined by commas and "or" is one choice when it is a list of
 * examples ("such as A, B or C") or ends open ("A, B or similar"); otherwise only the tools joined by "or" go
 * together: "Python, SQL, XGBoost or LightGBM" asks for Python and SQL, and for XGBoost or LightGBM.
 */
function choicesIn(text: string, from: number, to: number, mentions: readonly TermMatch[]): ToolChoice[] {
  const choices: ToolChoice[] = [];
  let run: TermMatch[] = [];
  let links: boolean[] = []; // links[k]: run[k] and run[k + 1] are joined by "or"
  const closeRun = () => {
    const first = run[0];
    const last = run[run.length - 1];
    if (first === undefined || last === undefined) return;
    const open = openEnd.test(text.slice(last.end, to));
    if (open || (run.length > 1 && examplesBefore.test(text.slice(from, first.start)))) {
      choices.push({ tools: [...new Set(run.map((mention) => mention.term))], open });
    } else {
      let group = [first.term];
      run.slice(1).forEach((mention, index) => {
        if (links[index] === true) group.push(mention.term);
        else {
          if (group.length > 1) choices.push({ tools: [...new Set(group)], open: false });
          group = [mention.term];
        }
      });
      if (group.length > 1) choices.push({ tools: [...new Set(group)], open: false });
    }
    run = [];
    links = [];
  };
  for (const mention of mentions) {
    const previous = run[run.length - 1];
    if (previous !== undefined) {
      const between = text.slice(previous.end, mention.start);
      if (orLink.test(between)) links.push(true);
      else if (commaLink.test(between)) links.push(false);
      else closeRun();
    }
    run.push(mention);
  }
  closeRun();
  return choices;
}

/** Clauses end at semicolons, parentheses, brackets, bullets, line breaks and sentence ends (not after "e.g."). */
const clauseEnd = /[;()[\]\n•·]|(?<!\b[eEiI]\.[gGeE]\.)(?<=[.!?])\s+/gu;

function build(posting: Posting, common: CommonVocabulary): ToolChoice[] {
  const { text } = posting;
  const matcher = toolMatcher(common.tools);
  const tokens = tokenize(text);
  const choices: ToolChoice[] = [];
  let from = 0;
  const clause = (to: number): void => {
    const mentions = findTermsIn(text, tokens, matcher, from, to);
    if (mentions.length > 0) choices.push(...choicesIn(text, from, to, mentions));
  };
  for (const separator of text.matchAll(clauseEnd)) {
    clause(separator.index);
    from = separator.index + separator[0].length;
  }
  clause(text.length);
  return choices;
}

/** Every choice of tools the posting offers, found once per posting and vocabulary. */
export const toolChoices: (posting: Posting, common: CommonVocabulary) => readonly ToolChoice[] =
  memoPair(build);
