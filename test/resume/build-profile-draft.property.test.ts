import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scoreResume } from '../../src/evals/resumes/score-resume.js';
import { loadPlaybooks } from '../../src/playbooks/load-playbooks.js';
import { parseProfile } from '../../src/profile/load-profile.js';
import { buildProfileDraft } from '../../src/resume/build-profile-draft.js';
import { renderDraftYaml } from '../../src/resume/render-draft-yaml.js';

let vocabulary: Parameters<typeof buildProfileDraft>[1];

beforeAll(async () => {
  const common = (await loadPlaybooks()).common;
  vocabulary = { tools: common.tools, methods: common.methods };
});

// Lines shaped like a resume's, mixed at random: headings, titles with dates and places, bullets with numbers,
// tools and markup, and stray text. The importer must never write a value the text does not hold.
const word = fc.constantFrom(
  'model',
  'Spark',
  'latency',
  'by',
  'the',
  'PyTorch',
  'team',
  'Acme',
  'Inc.',
  'of',
  'data',
);
const number = fc.constantFrom(
  '40%',
  '~2M+',
  '$35k',
  '10×',
  '<100K',
  '2019',
  '3.5',
  '1,200',
  '500/day',
  '(TPU)',
);
const phrase = fc
  .array(fc.oneof(word, number), { minLength: 1, maxLength: 14 })
  .map((words) => words.join(' '));
const line = fc.oneof(
  fc.constantFrom('Experience', '## Work Experience', 'EDUCATION', 'Skills', 'Projects', 'Summary', ''),
  fc.constantFrom(
    'Senior Engineer | Acme Inc.',
    'Data Scientist @ Northwind',
    'University of Leeds, Leeds, UK',
  ),
  fc.constantFrom('June 2022 – Present', 'Mar. 2019 - Feb. 2021', 'New York, NY', 'Key tech: PyTorch, Spark'),
  phrase.map((text) => `- ${text}`),
  phrase.map((text) => `• **${text}**`),
  phrase,
  fc.string({ maxLength: 40 }),
);

describe('buildProfileDraft on any resume-shaped text', () => {
  it('never throws, invents no value, and what it writes loads', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const text = lines.join('\n');
        const draft = buildProfileDraft(text, vocabulary);
        const label = { id: 'x', achievements: [], employers: [], schools: [], metrics: [], tools: [] };
        expect(scoreResume(text, draft, label).invented).toEqual([]);
        if (draft.achievements.length + draft.projects.length > 0) {
          parseProfile(parse(renderDraftYaml(draft, 'resume.txt')), 'draft');
        }
      }),
      {
        // The suite runs a fixed sample, so CI never fails on a draw it did not make before; LEDE_PROPERTY_RUNS=20000
        // explores with a fresh seed each run (how the two examples below were found).
        numRuns: Number(process.env.LEDE_PROPERTY_RUNS ?? 300),
        ...(process.env.LEDE_PROPERTY_RUNS === undefined ? { seed: 20261207 } : {}),
        // Counterexamples found before, kept so they run every time: a line after a "Key tech:" line once joined
        // the bullet above it ("model a"); marks inside a word were taken as a code span ("0`0`" -> "00"); a line
        // that opens with an HTML tag joins the bullet above once the tag is gone ("model <A>0" -> "model 0", which
        // the text holds as a reader sees it: the scorer now reads past tags too).
        examples: [
          [['Experience', '• **model**', 'Key tech: PyTorch, Spark', 'a']],
          [['Experience', '0`0`', '• **model**']],
          [['Experience', '- model', '<A>0']],
        ],
      },
    );
  });
});
