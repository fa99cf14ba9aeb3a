import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { critiqueLetter } from '../../src/critic/critique-letter.js';
import { analyzeLetter } from '../../src/critic/letter-anatomy.js';
import type { CriticContext } from '../../src/critic/rule.js';
import { ruleRegistry, rulesFor } from '../../src/critic/rules/index.js';
import { createOfflineEngine } from '../../src/engines/offline/offline-engine.js';
import { packageRoot } from '../../src/package-root.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { bundledTemplatesFolder, loadPlaybooks, playbookFor } from '../../src/playbooks/load-playbooks.js';
import type { PlaybookSet } from '../../src/playbooks/playbook-schema.js';
import { classifyIndustryOffline } from '../../src/posting/find-industry.js';
import type { Posting } from '../../src/posting/posting.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import type { Profile } from '../../src/profile/profile-schema.js';
import { runLede, temporaryFolder } from '../cli/run-lede.js';

// The proof that an industry with its own critic rules needs no code: test/fixtures/playbooks/healthcare.yaml, copied
// beside the bundled playbooks exactly as a user would (README: copy templates/, add <industry>.yaml, --templates).
const fixtures = join(packageRoot(), 'test', 'fixtures', 'playbooks');
const postingPath = join(fixtures, 'healthcare-posting.txt');
const earlyCareerPath = join(packageRoot(), 'examples', 'profiles', 'early-career.yaml');
const healthcareRules = ['healthcare-patient-privacy', 'healthcare-patient-outcome'];

let templates: string;
let playbooks: PlaybookSet;
let posting: Posting;
let earlyCareer: Profile;
let experienced: Profile;

beforeAll(async () => {
  templates = await mkdtemp(join(tmpdir(), 'lede-templates-'));
  await cp(bundledTemplatesFolder(), templates, { recursive: true });
  await cp(join(fixtures, 'healthcare.yaml'), join(templates, 'industries', 'healthcare.yaml'));
  playbooks = await loadPlaybooks(templates);
  posting = { source: 'healthcare-posting.txt', text: await readFile(postingPath, 'utf8') };
  earlyCareer = await loadProfile(earlyCareerPath);
  experienced = await loadProfile(join(packageRoot(), 'examples', 'profiles', 'experienced-mle.yaml'));
});

afterAll(async () => {
  await rm(templates, { recursive: true, force: true });
});

function healthcareContext(profile: Profile | null): CriticContext {
  const playbook = playbookFor(playbooks, 'healthcare');
  return {
    industry: playbook.industry,
    playbook,
    common: playbooks.common,
    posting: null,
    analysis: null,
    profile,
    maxWords: 250,
  };
}

describe('an industry added by YAML alone (the healthcare fixture)', () => {
  it('loads beside the shipped industries, which stay tech, finance, retail and general', async () => {
    expect([...playbooks.playbooks.keys()].sort()).toEqual([
      'finance',
      'general',
      'healthcare',
      'retail',
      'tech',
    ]);
    expect([...(await loadPlaybooks()).playbooks.keys()].sort()).toEqual([
      'finance',
      'general',
      'retail',
      'tech',
    ]);
  });

  it('is classified: the offline classifier picks it for a hospital posting', () => {
    expect(classifyIndustryOffline(posting, playbooks)).toMatchObject({
      industry: 'healthcare',
      signals: expect.arrayContaining(['clinical decision support', 'hospital network', 'sepsis']),
    });
  });

  it('joins the registry, and its rules pass and fail their own examples', () => {
    const declared = ruleRegistry(playbooks).filter((rule) => rule.industries !== 'all');
    expect(declared.filter((rule) => rule.industries.includes('healthcare')).map((rule) => rule.id)).toEqual(
      healthcareRules,
    );
    const context = healthcareContext(experienced);
    for (const rule of rulesFor(context.playbook).filter((candidate) =>
      healthcareRules.includes(candidate.id),
    )) {
      expect(rule.check(analyzeLetter(rule.examples.pass.letter, context.common), context)).toEqual([]);
      const findings = rule.check(analyzeLetter(rule.examples.fail.letter, context.common), context);
      expect(findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
        [rule.id, rule.severity],
      ]);
    }
  });

  it('is drafted for: the offline engine writes with its playbook and the critic runs its rules', async () => {
    const result = await runPipeline(posting, earlyCareer, { engine: createOfflineEngine(), playbooks });
    expect(result.industry.industry).toBe('healthcare');
    // The fixture's own closing phrase: the drafter read the healthcare playbook.
    expect(result.letter).toContain(
      'I would welcome a conversation about how I can help Riverbend Health improve patient care.',
    );
    expect(result.attempts[0]?.critique.checked).toEqual(expect.arrayContaining(healthcareRules));
    expect(result.status).toBe('passed');
  });

  it('is enforced by the critic, with the messages, evidence and profile hints its YAML declares', () => {
    const letter = [
      'Dear Hiring Manager,',
      '',
      'I built a sepsis early-warning model with gradient boosting and cross-validation.',
      '',
      'Best,',
      'Jordan Okafor',
    ].join('\n');
    const sentence = 'I built a sepsis early-warning model with gradient boosting and cross-validation.';
    const evidence = {
      text: sentence,
      start: letter.indexOf(sentence),
      end: letter.indexOf(sentence) + sentence.length,
    };
    const healthcareFindings = (profile: Profile | null) =>
      critiqueLetter(letter, healthcareContext(profile)).findings.filter((finding) =>
        healthcareRules.includes(finding.ruleId),
      );
    expect(healthcareFindings(earlyCareer)).toEqual([
      {
        ruleId: 'healthcare-patient-privacy',
        severity: 'error',
        message:
          'Say how you protected patient data (e.g. the de-identified data your profile mentions), in the sentence about the data the model learned from.',
        evidence: null,
      },
      {
        ruleId: 'healthcare-patient-outcome',
        severity: 'warning',
        message:
          "Put a number on what the model did for patients, e.g. from your profile: 'I reached an AUC of 0.81 on the held-out year versus 0.72 for the clinical baseline score, and...'.",
        evidence,
      },
    ]);
    expect(healthcareFindings(experienced)).toEqual([
      {
        ruleId: 'healthcare-patient-privacy',
        severity: 'error',
        message:
          'Say how you protected patient data. Your profile says nothing about it: if you have worked with de-identified or HIPAA-covered data, add that to the achievement in your profile; lede will not claim it for you.',
        evidence: null,
        needsProfile: true,
      },
      {
        ruleId: 'healthcare-patient-outcome',
        severity: 'warning',
        message:
          "Put a number on what the model did for patients, e.g. 'flagged 38% of readmissions in the top decile of risk'.",
        evidence,
      },
    ]);
  });

  it('works from the command line with --templates: lede check classifies the posting and enforces the rules', async () => {
    const cwd = await temporaryFolder();
    await writeFile(
      join(cwd, 'letter.md'),
      'Dear Hiring Manager,\n\nI built a sepsis early-warning model with gradient boosting.\n\nBest,\nJordan Okafor\n',
    );
    const run = await runLede(
      [
        'check',
        'letter.md',
        '--posting',
        postingPath,
        '--profile',
        earlyCareerPath,
        '--templates',
        templates,
        '--json',
      ],
      { cwd },
    );
    const output = JSON.parse(run.stdout);
    expect({
      exitCode: run.exitCode,
      industry: output.industry,
      ruleIds: output.findings.map((finding: { ruleId: string }) => finding.ruleId),
    }).toEqual({ exitCode: 1, industry: 'healthcare', ruleIds: expect.arrayContaining(healthcareRules) });
  });
});
