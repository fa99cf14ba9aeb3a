import { describe, expect, it } from 'vitest';
import { critiqueLetter } from '../../../src/critic/critique-letter.js';
import type { CriticContext } from '../../../src/critic/rule.js';
import { repairDraft, reviseOffline } from '../../../src/engines/offline/revise-offline.js';
import type { DraftRequest, RevisionRequest } from '../../../src/pipeline/engine.js';
import {
  draftRequest,
  examplePosting,
  exampleProfile,
  firstSentence,
  letterBody,
  unsupportedClaims,
  wordCount,
} from './offline-test-kit.js';

const experienced = await exampleProfile('experienced-mle');
const kestrel = draftRequest(await examplePosting('kestrel-streaming-recommendations.html'), experienced);
const harborline = draftRequest(await examplePosting('harborline-bank-credit-risk.txt'), experienced);

function criticFor(request: DraftRequest): CriticContext {
  return {
    industry: request.playbook.industry,
    playbook: request.playbook,
    common: request.playbooks.common,
    posting: request.posting,
    analysis: request.analysis,
    profile: request.profile,
    maxWords: request.maxWords,
  };
}

/** A revision request for `letter`, carrying the critic's findings on it (as the revise loop sends them). */
function revision(request: DraftRequest, letter: string): RevisionRequest {
  const findings = critiqueLetter(letter, criticFor(request)).findings;
  return { ...request, previous: { letter, usedFactIds: [] }, findings, attempt: 2 };
}

function ruleIds(request: DraftRequest, letter: string): string[] {
  return critiqueLetter(letter, criticFor(request)).findings.map((finding) => finding.ruleId);
}

const opening =
  'As a Senior Machine Learning Engineer at Streamline, I cut inference latency by 40% and opened personalized feeds to 2M+ users when I moved the recommendation engine from nightly batch scoring to real-time feature serving, using Kubernetes and Redis.';
const hook =
  "I would like to help with Kestrel's work on rebuilding autoplay around a two-tower retrieval model with real-time session features, and keep what it builds fast and dependable for real users.";

describe('repairDraft', () => {
  it('replaces a stock opener with the quantified opening and keeps the rest', () => {
    const letter = [
      'Dear Hiring Manager,',
      '',
      'I am writing to express my interest in the Machine Learning Engineer role at Kestrel.',
      '',
      `I also built the churn prediction model end to end, from Spark feature pipelines to A/B test design and Datadog monitoring, and raised 90-day retention by 6% across the subscriber base. ${hook}`,
      '',
      'I would welcome a conversation about how I can help Kestrel get models into production sooner.',
      '',
      'Best,',
      'Priya Raman',
    ].join('\n');
    expect(ruleIds(kestrel, letter)).toContain('no-stock-opener');
    const repaired = repairDraft(revision(kestrel, letter));
    expect(firstSentence(repaired.letter)).toMatch(
      /^(?:At|As a Senior Machine Learning Engineer at) Streamline, I cut inference latency by 40% and opened personalized feeds to 2M\+ users\b/,
    );
    expect(repaired.letter).not.toContain('I am writing');
    expect(repaired.letter).toContain('raised 90-day retention by 6%');
    expect(ruleIds(kestrel, repaired.letter)).not.toContain('no-stock-opener');
    expect(repaired.usedFactIds).toEqual(['realtime-serving', 'churn-model']);
  });

  it('adds the hook sentence before the closing when the letter never names the company’s work', () => {
    const letter = [
      'Dear Hiring Manager,',
      '',
      opening,
      '',
      'I would be glad to talk about the role.',
      '',
      'Best,',
      'Priya Raman',
    ].join('\n');
    expect(ruleIds(kestrel, letter)).toContain('company-hook');
    const repaired = repairDraft(revision(kestrel, letter)).letter;
    const [greeting, first, added, closing, signature] = repaired.split('\n\n');
    expect([greeting, first, closing, signature]).toEqual([
      'Dear Hiring Manager,',
      opening,
      'I would be glad to talk about the role.',
      'Best,\nPriya Raman',
    ]);
    expect(added).toContain('Kestrel');
    expect(added).toContain(
      'rebuilding autoplay around a two-tower retrieval model with real-time session features',
    );
    expect(added).toMatch(/ I haven't used Flink yet; the closest tool I have worked with is Spark\.$/);
    expect(ruleIds(kestrel, repaired)).not.toContain('company-hook');
  });

  it('trims an overlong letter to the word limit, keeping the opening, the hook and the closing', () => {
    const filler =
      'I care a great deal about clean code and clear communication, and I enjoy mentoring colleagues and learning from them every day.';
    const letter = [
      'Dear Hiring Manager,',
      '',
      opening,
      '',
      Array.from({ length: 12 }, () => filler).join(' '),
      '',
      hook,
      '',
      'I would welcome a conversation about how I can help Kestrel get models into production sooner.',
      '',
      'Best,',
      'Priya Raman',
    ].join('\n');
    expect(ruleIds(kestrel, letter)).toContain('word-limit');
    const repaired = repairDraft(revision(kestrel, letter)).letter;
    expect(wordCount(letterBody(repaired))).toBeLessThanOrEqual(250);
    expect(firstSentence(repaired)).toBe(opening);
    expect(repaired).toContain(hook);
    expect(repaired).toContain(
      'I would welcome a conversation about how I can help Kestrel get models into production sooner.',
    );
    expect(ruleIds(kestrel, repaired)).not.toContain('word-limit');
  });

  it('adds an explainability achievement from the profile when a finance letter names no technique', () => {
    const letter = [
      'Dear Hiring Manager,',
      '',
      'At Streamline, I raised 90-day retention by 6% across the subscriber base when I built the churn prediction model end to end, from Spark feature pipelines to A/B test design and Datadog monitoring.',
      '',
      "Harborline Bank's focus on modernizing its small-business lending decision engine fits the work I care most about.",
      '',
      "I would welcome a conversation about how I can support Harborline Bank's risk and compliance goals.",
      '',
      'Best,',
      'Priya Raman',
    ].join('\n');
    expect(ruleIds(harborline, letter)).toContain('finance-explainability');
    const repaired = repairDraft(revision(harborline, letter));
    expect(repaired.letter).toContain('SHAP reason codes');
    expect(repaired.usedFactIds).toContain('credit-explainability');
    expect(ruleIds(harborline, repaired.letter)).not.toContain('finance-explainability');
  });

  it('fills the template’s placeholders it can from the profile and posting and drops the sentences it cannot', () => {
    const letter = [
      'Dear [Hiring Manager Name],',
      '',
      opening,
      '',
      'At Streamline, I improved retention targeting accuracy by [X]%. I want to bring that work to [Company Name].',
      '',
      hook,
      '',
      'I would be glad to talk about what I could build with your team at [Company Name].',
      '',
      'Best,',
      '[Your Name]',
    ].join('\n');
    expect(ruleIds(kestrel, letter)).toContain('no-placeholder');
    const repaired = repairDraft(revision(kestrel, letter)).letter;
    expect(repaired).not.toMatch(/\[|\]/);
    expect(repaired).not.toContain('retention targeting accuracy');
    expect(repaired).toContain('I want to bring that work to Kestrel.');
    expect(repaired.startsWith('Dear Hiring Manager,')).toBe(true);
    expect(repaired.endsWith('Best,\nPriya Raman')).toBe(true);
    expect(ruleIds(kestrel, repaired)).not.toContain('no-placeholder');
  });

  it('removes claims the profile does not support: another employer, an invented number, a tool never used', () => {
    const letter = [
      'Dear Hiring Manager,',
      '',
      opening,
      '',
      'At Globex, I cut cloud costs by 65% with Kubeflow. I also built the churn prediction model end to end, from Spark feature pipelines to A/B test design and Datadog monitoring, and raised 90-day retention by 6% across the subscriber base.',
      '',
      hook,
      '',
      'I would welcome a conversation about how I can help Kestrel get models into production sooner.',
      '',
      'Best,',
      'Priya Raman',
    ].join('\n');
    expect(ruleIds(kestrel, letter)).toContain('grounded-claims');
    const repaired = repairDraft(revision(kestrel, letter)).letter;
    expect(repaired).not.toMatch(/Globex|65%|Kubeflow/);
    expect(repaired).toContain('raised 90-day retention by 6%');
    expect(unsupportedClaims(repaired, experienced, kestrel.posting)).toEqual([]);
    expect(ruleIds(kestrel, repaired)).not.toContain('grounded-claims');
  });

  it('adds the greeting and the sign-off with the candidate’s name to a bare letter', () => {
    const letter = [
      opening,
      '',
      hook,
      '',
      'I would welcome a conversation about how I can help Kestrel get models into production sooner.',
    ].join('\n');
    expect(ruleIds(kestrel, letter)).toContain('salutation-signoff');
    const repaired = repairDraft(revision(kestrel, letter)).letter;
    expect(repaired.startsWith(`Dear Hiring Manager,\n\n${opening}`)).toBe(true);
    expect(repaired.endsWith('Best,\nPriya Raman')).toBe(true);
    expect(ruleIds(kestrel, repaired)).not.toContain('salutation-signoff');
  });
});

describe('reviseOffline', () => {
  it('turns the guide’s unfilled tech template into a letter with no error-level finding', () => {
    const template = [
      'Dear [Hiring Manager Name],',
      '',
      "I'm writing to express my interest in the Machine Learning Engineer role at [Company Name]. I am proficient in TensorFlow, PyTorch, scikit-learn and Keras.",
      '',
      'At [Previous Company], I led the end-to-end development of a churn prediction model that improved retention targeting accuracy by [X]%.',
      '',
      'Best,',
      '[Your Name]',
    ].join('\n');
    const revised = reviseOffline(revision(kestrel, template));
    const findings = critiqueLetter(revised.letter, criticFor(kestrel)).findings;
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(unsupportedClaims(revised.letter, experienced, kestrel.posting)).toEqual([]);
  });

  it('is deterministic', () => {
    const request = revision(kestrel, `Dear Hiring Manager,\n\nI am writing to apply.\n\nBest,\nPriya Raman`);
    expect(reviseOffline(request)).toEqual(reviseOffline(request));
  });
});
