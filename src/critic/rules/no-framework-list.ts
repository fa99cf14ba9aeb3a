import type { CommonVocabulary } from '../../playbooks/playbook-schema.js';
import { memoOn } from '../../text/memo.js';
import { bodyMatches, termMatcher, toolMatcher } from '../../text/vocabulary-matcher.js';
import { findNameLists, isToolList, type ListItem, toolNames } from '../find-name-lists.js';
import { isResultQuantity, quantitiesOf } from '../find-quantities.js';
import type { Finding } from '../finding.js';
import type { Span } from '../letter-anatomy.js';
import { profileIndex } from '../profile-index.js';
import type { Rule } from '../rule.js';
import { quote } from '../spans.js';

const listNamesKey = Symbol('list-tool-names');

/** common.yaml's tools and the names only lists read (moreToolNames), lowercase to the name, once per vocabulary. */
function listToolNames(common: CommonVocabulary): ReadonlyMap<string, string> {
  return memoOn(common, listNamesKey, () => {
    const names = new Map(toolNames(common.tools));
    for (const name of common.moreToolNames)
      if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
    return names;
  });
}

const softwareShaped = /[a-z][A-Z]|[A-Za-z][.#+][A-Za-z0-9+#]|[A-Za-z] ?\d|[A-Z]{2}/;

export const noFrameworkListRule: Rule = {
  id: 'no-framework-list',
  industries: 'all',
  severity: 'error',
  requires: [],
  description:
    'No list of three or more tool, language, framework or platform names strung together without what was done with them, whether the vocabulary knows every name or not ("Next.js, React, Tailwindcss and Firebase Hosting"): a list of four or more always fails, a list of three fails unless its sentence states a quantified result.',
  why: 'A row of library names belongs on a resume; one tool and the problem it solved shows how you work.',
  examples: {
    pass: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline by moving the recommender to real-time feature serving with Redis and TensorFlow Serving.\n\nBest,\nPriya Raman',
    },
    fail: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline. I am fluent in Keras, JAX, XGBoost and LightGBM.\n\nBest,\nPriya Raman',
    },
  },
  family: {
    fails: [
      'I am proficient in HTML, CSS and JavaScript.',
      'My tools are SolidWorks, LabVIEW and MATLAB.',
      'I work daily in Excel, awk and vim.',
      'I have deployed services on EC2, RDS and Lambda.',
      'I know Ansible, ClickHouse and Phyton.',
      'Stack: pandas/NumPy/SciPy.',
    ],
    passes: [
      'I rebuilt the pipeline on Spark, Kafka and Airflow, which cut its runtime by 60%.',
      'With a solid foundation in ML pipelines using Docker and Kubernetes, I am ready to own your workflows.',
      'I have worked with Stripe, Google and Meta as clients.',
    ],
  },
  repair: 'drop-sentence',
  check(letter, context) {
    const findings: Finding[] = [];
    const quantities = quantitiesOf(letter).filter(isResultQuantity);
    const index = context.profile === null ? null : profileIndex(context.profile, context.common);
    // Only a sentence naming a known tool or a software-shaped word (Next.js, C#, MongoDB) can hold a tool list.
    const known = [
      ...bodyMatches(letter, toolMatcher(context.common.tools)),
      ...bodyMatches(letter, termMatcher(context.common.moreToolNames)),
    ];
    const mayHold = (sentence: Span) =>
      softwareShaped.test(sentence.text) ||
      known.some((match) => match.start >= sentence.start && match.end <= sentence.end);
    const lowercaseNames = (sentence: Span) =>
      known.filter(
        (match) => match.start >= sentence.start && match.end <= sentence.end && /^[a-z]/.test(match.text),
      ).length;
    for (const list of findNameLists(letter, listToolNames(context.common), mayHold, lowercaseNames)) {
      if (!isToolList(list.items)) continue;
      const first = list.items[0] as ListItem;
      const last = list.items[list.items.length - 1] as ListItem;
      const { sentence } = list;
      const hasResult = quantities.some(
        (quantity) => quantity.start >= sentence.start && quantity.end <= sentence.end,
      );
      if (list.items.length === 3 && hasResult) continue;
      const owned =
        index === null
          ? []
          : list.items.filter((item) => item.tool !== null && index.knownTools.has(item.tool));
      const pick = (owned[0] ?? list.items.find((item) => item.tool !== null) ?? first).tool ?? first.text;
      findings.push({
        ruleId: 'no-framework-list',
        severity: 'error',
        message: `Replace the list '${letter.text.slice(first.start, last.end)}' with one tool and what you did with it, e.g. 'I built ... with ${pick}, which cut ...'.`,
        evidence: quote(letter.text, first.start, last.end),
      });
    }
    return findings;
  },
};
