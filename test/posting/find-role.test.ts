import { describe, expect, it } from 'vitest';
import { findRole, shortRole } from '../../src/posting/find-role.js';

const lines = (...text: string[]): string => text.join('\n');
const body =
  'You will build forecasting models with Python and SQL and ship them to production with the team.';

describe('findRole', () => {
  it.each([
    ['# [ML Engineer [IC3]](https://jobs.example/apply/ml-engineer-ic3)', 'ML Engineer'],
    ['# [2024-7209_Data Engineer](https://jobs.example/apply/2024-7209)', 'Data Engineer'],
    ['# [Lead Data Scientist 01377](https://jobs.example/apply/lead-01377)', 'Lead Data Scientist'],
    [
      '# [(Senior) AI Expert (m/f/x) onsite or remote (in Germany or Austria)](https://jobs.example/a)',
      '(Senior) AI Expert',
    ],
    [
      '# [(USA) Staff, Data Scientist Customer Care](https://jobs.example/a)',
      'Staff, Data Scientist Customer Care',
    ],
    ['# [Test Automation Engineer (2 Roles Available)](https://jobs.example/a)', 'Test Automation Engineer'],
    ['# [Clinical Data Scientist- healthcare](https://jobs.example/a)', 'Clinical Data Scientist'],
    [
      '# [Principal Software Engineer - (Remote for WA, OR, CA)](https://jobs.example/a)',
      'Principal Software Engineer',
    ],
    [
      '# [Manager, Data Science - Supply Chain](https://jobs.example/a)',
      'Manager, Data Science - Supply Chain',
    ],
    ['Senior Statistician (Permanent), NHS Blood and Transplant', 'Senior Statistician'],
    ['MACHINE LEARNING ENGINEER', 'Machine Learning Engineer'],
  ])('cleans the title line "%s"', (title, expected) => {
    expect(findRole(lines(title, '### Acme Analytics', '', body))).toBe(expected);
  });

  it('prefers an explicit "Title:" field, without the pay band after it', () => {
    expect(findRole(lines('Company: Riverside NHS Trust', 'Title: Data Scientist - Band 8a', '', body))).toBe(
      'Data Scientist',
    );
  });

  it.each([
    [
      'As a Data scientist within the Data & Analytics team at Acme, you will model credit risk.',
      'Data Scientist',
    ],
    [
      'We are seeking a highly skilled and motivated Senior Data Scientist to join our team.',
      'Senior Data Scientist',
    ],
    [
      'Intuit is looking for innovative and hands-on Senior Data Scientist to join the AI team.',
      'Senior Data Scientist',
    ],
    [
      'Two Sigma is looking for an entrepreneurial data scientist to contribute to research.',
      'Data Scientist',
    ],
    ['Job Overview The Senior, Data Scientist will join a best-in-class team.', 'Senior, Data Scientist'],
    [
      'The Director of Research and Policy will focus on three main areas of work.',
      'Director of Research and Policy',
    ],
    [
      'We have an exciting opportunity to join our team as a Data Analyst. In this role you will report.',
      'Data Analyst',
    ],
  ])('reads the title from the way the text introduces it: "%s"', (sentence, expected) => {
    const posting = lines('Acme is a company that builds software for hospitals.', '', sentence, '', body);
    expect(findRole(posting)).toBe(expected);
  });

  it('never takes a heading that is a sentence, or the contact person’s job title', () => {
    const posting = lines(
      'How you will lead',
      '',
      'Drive projects and lead new initiatives',
      '',
      body,
      '',
      'For informal visits contact:',
      'Name: Emma Powell',
      'Job title: Head of Information',
    );
    expect(findRole(posting)).toBeNull();
  });

  it('gives no role rather than "to join our team" or "As a"', () => {
    const role = findRole(
      lines('Acme builds payroll software.', '', 'As a Machine Learning Engineer to join our team.'),
    );
    expect(role).toBe('Machine Learning Engineer');
  });
});

describe('shortRole', () => {
  it.each([
    ['Machine Learning Engineer, Recommendations', 'Machine Learning Engineer'],
    ['Manager, Data Science - Supply Chain', 'Manager, Data Science - Supply Chain'],
    ['Data Scientist (Telematics)', 'Data Scientist'],
  ])('"%s" -> "%s"', (role, expected) => {
    expect(shortRole(role)).toBe(expected);
  });
});
