import type { DraftRequest, Engine } from '../../../src/pipeline/engine.js';
import { noUsage, type Usage } from '../../../src/pipeline/usage.js';
import { profileFacts } from '../../../src/profile/profile-schema.js';

export interface ReadingEngineOptions {
  /** Posting words that force an industry, checked before the built-in cues ("Birch Bank": "tech" to break it). */
  readonly industryOverrides?: Readonly<Record<string, string>>;
  /** Replaces the letter for postings containing the key. */
  readonly letterOverrides?: Readonly<Record<string, string>>;
  readonly usage?: Usage;
}

const cues: [string, string][] = [
  ['bank', 'finance'],
  ['grocer', 'retail'],
  ['hospital', 'general'],
];
const knownTools = ['Python', 'Kafka', 'SQL', 'Spark', 'dbt'];

function letterFor(request: DraftRequest): string {
  const fact = profileFacts(request.profile)[0];
  const company = request.analysis.company ?? 'your team';
  return [
    'Dear Hiring Manager,',
    '',
    `At ${fact?.employer ?? 'school'}, I ${fact?.did ?? 'built models'}, which ${fact?.result ?? 'worked'}.`,
    '',
    `I would like to bring that work to ${company}.`,
    '',
    'Best,',
    request.profile.name,
  ].join('\n');
}

/**
 * A small deterministic engine that reads the posting the way the tiny test dataset is written: the company before
 * " — " on the title line (none for a "Confidential client"), the hook in the sentence that says "building".
 */
export function createReadingEngine(options: ReadingEngineOptions = {}): Engine {
  const usage = options.usage ?? noUsage;
  const draft = (request: DraftRequest) => {
    const override = Object.entries(options.letterOverrides ?? {}).find(([key]) =>
      request.posting.text.includes(key),
    );
    return { value: { letter: override?.[1] ?? letterFor(request), usedFactIds: [] }, usage };
  };
  return {
    name: 'offline',
    model: 'reading-test-engine',
    async readPosting(posting) {
      const text = posting.text.toLowerCase();
      const forced = Object.entries(options.industryOverrides ?? {}).find(([key]) =>
        posting.text.includes(key),
      );
      const industry = forced?.[1] ?? cues.find(([cue]) => text.includes(cue))?.[1] ?? 'tech';
      const titleLine = posting.text.split('\n').find((line) => line.includes(' — ')) ?? '';
      const name = titleLine.split(' — ')[0]?.trim() ?? '';
      const sentence = posting.text.split(/(?<=\.)\s+/).find((item) => item.includes('building')) ?? null;
      return {
        value: {
          industry: { industry, confidence: 0.9, signals: [] },
          analysis: {
            company: name === '' || name.startsWith('Confidential') ? null : name,
            role: null,
            hiringManager: null,
            hook:
              sentence === null
                ? null
                : { text: sentence.replace(/^We are building /, '').replace(/\.$/, ''), evidence: sentence },
            requiredTools: knownTools.filter((tool) => posting.text.includes(tool)),
          },
        },
        usage,
      };
    },
    async draftLetter(request) {
      return draft(request);
    },
    async reviseLetter(request) {
      return draft(request);
    },
  };
}
