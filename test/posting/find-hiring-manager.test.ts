import { describe, expect, it } from 'vitest';
import { findHiringManager } from '../../src/posting/find-hiring-manager.js';

const posting = (line: string): string =>
  [
    'Senior Data Analyst',
    'Company: Lumen Freight',
    '',
    'Lumen Freight moves 2 million parcels a day across Europe with its own fleet. You will build the dashboards',
    'and forecasts our planners use every morning.',
    '',
    line,
    '',
    'Requirements',
    '- SQL and Python',
  ].join('\n');

describe('findHiringManager', () => {
  it.each([
    [
      'Questions? Reach out to the hiring manager, Dana Whitfield, at dana@lumenfreight.eu.',
      'Dana Whitfield',
    ],
    ['Hiring manager: Maya Chen, Head of Applied ML', 'Maya Chen'],
    ['Hiring Supervisor: Larry Burns', 'Larry Burns'],
    ['Contact: Jordan Okafor', 'Jordan Okafor'],
    ['This role reports to Luis Ortega, VP of Data.', 'Luis Ortega'],
    ['You will report to our Director, Priya Nair.', 'Priya Nair'],
    [
      'For more information, please contact Anne Merel Oosterbroek, Head Data & Analytics.',
      'Anne Merel Oosterbroek',
    ],
    ['For informal visits contact:\n\nName: Emma Powell\n\nJob title: Head of Information', 'Emma Powell'],
    ['NameEva SalmJob titleAssociate DirectorEmail addressEva.Salm@lumen.eu', 'Eva Salm'],
    [
      'For any further questions about the position, you can turn to Talent Acquisition Partner - Fernanda Prado e Silva (fernanda.prado@lumen.eu).',
      'Fernanda Prado e Silva',
    ],
    [
      'Please register your interest by sending your CV to Luc Simpson-Kent via the Apply link.',
      'Luc Simpson-Kent',
    ],
    ['Informal enquiries to Dr. Omar Haddad on 0161 555 0100.', 'Omar Haddad'],
    ['For further details contact:\nName\nHelen Thomas\nJob title\nHead of Statistics', 'Helen Thomas'],
    ['You will report to the Head of Data Science, Maria Lopez.', 'Maria Lopez'],
  ])('reads "%s"', (line, expected) => {
    expect(findHiringManager(posting(line))).toBe(expected);
  });

  it.each([
    ['You will be reporting to the Head of Data Science.'],
    ['Contact our recruiting team with any questions.'],
    ['Reach out to the hiring manager with questions about the role.'],
    ['Address your letter to the Hiring Manager.'],
    ['You will maintain the Denial Code Manager, Workflow Orchestrator and Template Generation Engine.'],
    ['Contact: Talent Acquisition, careers@lumenfreight.eu'],
    ['The analyst will report directly to the VP of the Ontario Freight Plan (OFP).'],
  ])('invents no one from "%s"', (line) => {
    expect(findHiringManager(posting(line))).toBeNull();
  });
});
