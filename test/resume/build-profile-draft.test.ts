import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPlaybooks } from '../../src/playbooks/load-playbooks.js';
import { parseProfile } from '../../src/profile/load-profile.js';
import { buildProfileDraft, reviewMarker } from '../../src/resume/build-profile-draft.js';
import { renderDraftYaml } from '../../src/resume/render-draft-yaml.js';

const fixture = new URL('../fixtures/resumes/dana-okafor.md', import.meta.url);
let text = '';
let vocabulary: Parameters<typeof buildProfileDraft>[1];

beforeAll(async () => {
  text = await readFile(fixture, 'utf8');
  const common = (await loadPlaybooks()).common;
  vocabulary = { tools: common.tools, methods: common.methods };
});

describe('buildProfileDraft', () => {
  it('reads name, contact, jobs, skills and education, each value copied from the resume', () => {
    const draft = buildProfileDraft(text, vocabulary);
    expect(draft.name).toBe('Dana Okafor');
    expect(draft.contact).toEqual({
      email: 'dana.okafor@example.com',
      phone: '+44 7700 900123',
      links: ['github.com/dana-okafor-example'],
    });
    expect(draft.achievements.map((fact) => [fact.employer, fact.role, fact.dates])).toEqual([
      ['Brightfield Analytics', 'Senior Machine Learning Engineer', 'March 2021 – Present'],
      ['Brightfield Analytics', 'Senior Machine Learning Engineer', 'March 2021 – Present'],
      ['Brightfield Analytics', 'Senior Machine Learning Engineer', 'March 2021 – Present'],
      ['Harbourline Bank', 'Data Scientist', '2018 – 2021'],
      ['Harbourline Bank', 'Data Scientist', '2018 – 2021'],
    ]);
    expect(draft.skills).toEqual(['Python', 'SQL', 'LightGBM', 'XGBoost', 'Airflow', 'Kubeflow', 'Docker']);
    expect(draft.education).toEqual([
      { school: 'University of Leeds', degree: 'MSc Data Science', year: '2018' },
    ]);
  });

  it('splits an outcome clause into result, verbatim, and takes metrics and tools from that line alone', () => {
    const [first, second, third] = buildProfileDraft(text, vocabulary).achievements;
    expect(first).toMatchObject({
      did: 'Rebuilt the demand forecasting service on LightGBM and Airflow',
      result: 'cutting forecast error by 18% for 1,200 stores',
      metrics: ['18%', '1,200 stores'],
      tools: ['LightGBM', 'Airflow'],
      review: reviewMarker,
    });
    expect(second).toMatchObject({ metrics: ['6 hours', '40 minutes'], tools: ['Kubeflow'] });
    expect(third).toMatchObject({ did: 'Mentored three junior engineers', metrics: [], tools: [] });
  });

  it('finds methods from lede vocabulary in the line that names them', () => {
    const last = buildProfileDraft(text, vocabulary).achievements.at(-1);
    expect(last?.methods).toEqual(['A/B testing']);
    expect(last?.metrics).toEqual(['7%']);
  });

  it('lists the lines it could not place instead of guessing', () => {
    expect(buildProfileDraft(text, vocabulary).unplaced).toEqual([
      'Machine learning engineer who likes small, measurable wins.',
      'Fell running and chess.',
    ]);
  });

  it('invents nothing: every value it writes is in the resume text', () => {
    const draft = buildProfileDraft(text, vocabulary);
    const values = [
      draft.name,
      ...draft.achievements.flatMap((fact) => [
        fact.did,
        fact.result,
        fact.employer,
        fact.role,
        ...fact.metrics,
        ...fact.tools,
      ]),
      ...draft.skills,
      ...draft.education.flatMap((entry) => [entry.school, entry.degree]),
    ].filter((value): value is string => value !== undefined);
    expect(values.filter((value) => !text.includes(value))).toEqual([]);
  });

  it('renders YAML that lede own profile loader accepts, review markers and unplaced lines included', () => {
    const yaml = renderDraftYaml(buildProfileDraft(text, vocabulary), 'dana.md');
    const profile = parseProfile(parse(yaml), 'dana.yaml');
    expect(profile.achievements.every((fact) => fact.review === reviewMarker)).toBe(true);
    expect(yaml).toContain(
      '# Senior Machine Learning Engineer at Brightfield Analytics, March 2021 – Present',
    );
    expect(yaml.trimEnd().split('\n').slice(-3)).toEqual([
      '# Lines of the resume lede could not place (copy what you need into the fields above):',
      '#   Machine learning engineer who likes small, measurable wins.',
      '#   Fell running and chess.',
    ]);
  });
});
