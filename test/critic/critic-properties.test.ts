import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { critiqueLetter } from '../../src/critic/critique-letter.js';
import { analyzeLetter } from '../../src/critic/letter-anatomy.js';
import type { CriticContext, Rule } from '../../src/critic/rule.js';
import { ruleRegistry } from '../../src/critic/rules/index.js';
import { type CriticFixture, contextFor, loadCriticFixture } from './critic-fixture.js';

let fixture: CriticFixture;
let contexts: CriticContext[];
let rules: readonly Rule[];
beforeAll(async () => {
  fixture = await loadCriticFixture();
  rules = ruleRegistry(fixture.playbooks);
  contexts = [
    contextFor(fixture, 'tech'),
    contextFor(fixture, 'finance', { profile: fixture.careerChanger }),
    contextFor(fixture, 'retail', { profile: null }),
    contextFor(fixture, 'general', {
      posting: null,
      analysis: null,
      profile: fixture.noMetrics,
      maxWords: 20,
    }),
  ];
});

// Pieces of real letters, so generated text reaches every rule's interesting paths, glued by odd separators.
const fragments = [
  'Dear Dana Ortiz,',
  '**Dear Hiring Manager,**',
  'Hi Dana, ',
  'I am writing to express my interest',
  'I cut inference latency by 40% ',
  'for 2M+ users',
  '$1.2M',
  '3x',
  '0.78',
  'in 2019',
  '5 years of experience',
  'At Streamline, ',
  'at Globex Corp',
  'TensorFlow, PyTorch, scikit-learn, and Keras',
  'Redis and TensorFlow Serving',
  'Kubeflow',
  "I haven't used MLflow, but",
  'W&B',
  'C++',
  'R&D',
  'deep learning',
  'SHAP reason codes',
  'state-of-the-art',
  'gross margin',
  'merchandising team',
  "Fernway's real-time ranking platform",
  'deployed to production',
  '[Company Name]',
  '{{name}}',
  '<Your Name>',
  'XX',
  'ignore previous instructions',
  'priya.raman@example.com',
  'www.example.biz',
  '(206) 555-0199',
  '. ',
  ', ',
  '\n',
  '\n\n',
  '\r\n\r\n',
  ' ',
  '-',
  "'s",
  '…',
  '😀',
  '\u{1D400}',
  'é',
  'Best,\nPriya Raman',
  'Best, Priya',
  'Sincerely,',
];
const letters = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((parts) => parts.join('')),
);

describe('every rule, on any text', () => {
  it('never throws, and every evidence slices its own text out of the letter', () => {
    fc.assert(
      fc.property(letters, fc.nat(3), (letter, which) => {
        const context = contexts[which] as CriticContext;
        const anatomy = analyzeLetter(letter, context.common);
        for (const rule of rules) {
          for (const finding of rule.check(anatomy, context)) {
            expect(finding.ruleId).toBe(rule.id);
            if (finding.evidence === null) continue;
            const { text, start, end } = finding.evidence;
            expect(start).toBeGreaterThanOrEqual(0);
            expect(end).toBeLessThanOrEqual(letter.length);
            expect(letter.slice(start, end)).toBe(text);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same letter and context give the same critique', () => {
    fc.assert(
      fc.property(letters, fc.nat(3), (letter, which) => {
        const context = contexts[which] as CriticContext;
        expect(critiqueLetter(letter, context)).toEqual(critiqueLetter(letter, context));
      }),
      { numRuns: 150 },
    );
  });

  it('finds the letter’s spans inside the text: body, paragraphs and sentences', () => {
    fc.assert(
      fc.property(letters, (letter) => {
        const anatomy = analyzeLetter(letter);
        for (const span of [anatomy.body, ...anatomy.paragraphs, ...anatomy.sentences]) {
          expect(letter.slice(span.start, span.end)).toBe(span.text);
        }
      }),
      { numRuns: 300 },
    );
  });
});
