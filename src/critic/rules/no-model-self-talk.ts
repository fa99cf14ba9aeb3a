import type { CommonVocabulary } from '../../playbooks/playbook-schema.js';
import { memoOn } from '../../text/memo.js';
import { phraseAlternation } from '../../text/phrase-alternation.js';
import type { Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { quote } from '../spans.js';

type SelfTalk = CommonVocabulary['modelSelfTalk'];

interface SelfTalkPatterns {
  /** A line starting with any listed phrase (after Markdown and quote marks): one scan of the letter finds them all. */
  readonly lineStart: RegExp | null;
  readonly interjection: RegExp;
  readonly phrase: RegExp;
  readonly aboutTheLetter: RegExp;
  readonly editWord: RegExp;
}

const patternsKey = Symbol('self-talk-patterns');
const never = /(?!)/;

function patternsOf(selfTalk: SelfTalk): SelfTalkPatterns {
  return memoOn(selfTalk, patternsKey, () => {
    const all = [...selfTalk.interjections, ...selfTalk.phrases, ...selfTalk.aboutTheLetter];
    const build = (phrases: readonly string[], tail: string) =>
      phrases.length === 0 ? never : new RegExp(`^(?:${phraseAlternation(phrases)})${tail}`, 'i');
    return {
      // ASCII classes and no u flag: this runs over every letter.
      lineStart:
        all.length === 0 ? null : new RegExp(`^[ \\t>#*_-]*(?:${phraseAlternation(all)})(?![A-Za-z])`, 'gim'),
      interjection: build(selfTalk.interjections, '\\s*[!,.:]'),
      phrase: build(selfTalk.phrases, '(?![A-Za-z])'),
      aboutTheLetter: build(selfTalk.aboutTheLetter, '(?![A-Za-z])'),
      editWord:
        selfTalk.editWords.length === 0
          ? never
          : new RegExp(`\\b(?:${phraseAlternation(selfTalk.editWords)})\\b`, 'i'),
    };
  });
}

export const noModelSelfTalkRule: Rule = {
  id: 'no-model-self-talk',
  industries: 'all',
  severity: 'error',
  requires: [],
  description:
    'No line is a model talking about its output: a preamble ("Here is the revised letter:", "Sure! ..."), an aside ("I cannot browse ...") or an offer ("I hope this helps", "Let me know if you would like any changes"). An answering interjection counts only on the first or last line. The phrases live in templates/common.yaml (modelSelfTalk).',
  why: 'A line addressed to whoever asked for the letter tells the hiring manager a model wrote it and nobody read it.',
  examples: {
    pass: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline by moving the recommender to real-time feature serving with Redis.\n\nFeel free to contact me at priya@example.com.\n\nBest,\nPriya Raman',
    },
    fail: {
      letter:
        'Sure! Here is the revised cover letter:\n\nDear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline by moving the recommender to real-time feature serving with Redis.\n\nBest,\nPriya Raman\n\nI hope this helps! Let me know if you would like any changes to the tone.',
    },
  },
  family: {
    fails: [
      'Here is the revised letter:\n\nI cut inference latency by 40% at Streamline.',
      'Sure! Here is the revised letter:\n\nI cut inference latency by 40% at Streamline.',
      'I cut inference latency by 40% at Streamline.\n\nI do not have access to your exact figures, so I kept them.',
      'I cut inference latency by 40% at Streamline.\n\nI hope this helps! Let me know if you want a shorter version.',
    ],
    passes: [
      'I cut inference latency by 40% at Streamline.\n\nFeel free to contact me at priya@example.com.',
      'Sure enough, the first draft of our feature store halved backfill time at Streamline.',
      'Here is what I would build first at Fernway: a shadow deployment of your ranking model.',
    ],
  },
  repair: 'drop-sentence',
  check(letter, context) {
    const patterns = patternsOf(context.common.modelSelfTalk);
    if (patterns.lineStart === null) return [];
    const { text } = letter;
    const firstLine = /\S/.exec(text)?.index ?? 0;
    const lastLine = text.trimEnd().lastIndexOf('\n') + 1;
    const findings: Finding[] = [];
    patterns.lineStart.lastIndex = 0;
    for (const match of text.matchAll(patterns.lineStart)) {
      const lineStart = match.index;
      const lineEnd = text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart);
      const line = text.slice(lineStart, lineEnd);
      const lead = /^[ \t>#*_-]*/.exec(line)?.[0].length ?? 0;
      const plain = line.slice(lead);
      const edge = lineStart <= firstLine || lineStart >= lastLine;
      // "Sure! Here is the revised letter:": after an answering interjection, the rest of the line is read too.
      const interjection = patterns.interjection.exec(plain);
      const rest = interjection === null ? plain : plain.slice(interjection[0].length).trimStart();
      const aboutTheLetter = (text: string) =>
        patterns.aboutTheLetter.test(text) && patterns.editWord.test(text);
      const selfTalk =
        patterns.phrase.test(plain) ||
        aboutTheLetter(plain) ||
        (interjection !== null && (edge || aboutTheLetter(rest)));
      if (!selfTalk) continue;
      const end = lineStart + line.trimEnd().length;
      findings.push({
        ruleId: 'no-model-self-talk',
        severity: 'error',
        message: `Delete this line: it is addressed to whoever asked for the letter, not to the hiring manager ('${plain.trim().slice(0, 80)}').`,
        evidence: quote(text, lineStart + lead, end),
      });
    }
    return findings;
  },
};
