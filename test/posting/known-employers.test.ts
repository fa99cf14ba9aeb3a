import { beforeAll, describe, expect, it } from 'vitest';
import type { EmployerList } from '../../src/playbooks/playbook-schema.js';
import { employerIndex, findKnownEmployer, sectorsInName } from '../../src/posting/known-employers.js';

// A small list of the file's shape, so the spec does not move when templates/employers.yaml grows.
const list: EmployerList = {
  sectors: {
    tech: [['Microsoft', 'LinkedIn'], 'Databricks'],
    finance: [['JPMorgan Chase', 'JPMorgan', 'Chase']],
    retail: [['Target', 'Target Corporation'], 'Walmart'],
    general: ['Mayo Clinic'],
  },
  nameWords: { finance: ['Bank', 'Credit Union'], general: ['Hospital', 'County'], retail: ['Stores'] },
};

describe('findKnownEmployer', () => {
  let index: ReturnType<typeof employerIndex>;
  beforeAll(() => {
    index = employerIndex(list);
  });

  it('finds the employer where a posting names it, and reports its sector', () => {
    const text =
      'Senior Data Scientist\n\nAbout Target\nTarget is one of the largest retailers. Join Target.';
    expect(findKnownEmployer(text, index, null)).toMatchObject({ name: 'Target', sector: 'retail' });
  });

  it('reads an alias under the employer’s own name (LinkedIn is Microsoft’s)', () => {
    const text = 'Company: LinkedIn\n\nAt LinkedIn, our mission is to connect the world’s professionals.';
    expect(findKnownEmployer(text, index, null)).toMatchObject({ name: 'Microsoft', sector: 'tech' });
  });

  it('never takes the common word for the name ("target" is not Target)', () => {
    const text = 'You will pick a target metric, hit the target and report on target accuracy every week.';
    expect(findKnownEmployer(text, index, null)).toBeNull();
  });

  it('never takes a tool the posting uses for its employer', () => {
    const text =
      'Acme Health is hiring. You will build pipelines in Databricks and ship models from Databricks notebooks.';
    expect(findKnownEmployer(text, index, 'Acme Health', new Set(['databricks']))).toBeNull();
  });

  it('is the same list object read once: the index is remembered per list', () => {
    expect(employerIndex(list)).toBe(index);
  });
});

describe('sectorsInName', () => {
  it('reads the business in the words of an employer’s own name', () => {
    const index = employerIndex(list);
    expect(sectorsInName('Grey County', index)).toEqual(['general']);
    expect(sectorsInName('Xapo Bank', index)).toEqual(['finance']);
    expect(sectorsInName('Navy Federal Credit Union', index)).toEqual(['finance']);
    expect(sectorsInName('Acme', index)).toEqual([]);
  });

  it('reads a name that holds a software tool as a software company (dbt Labs)', () => {
    expect(sectorsInName('dbt Labs', employerIndex(list), new Set(['dbt']))).toEqual(['tech']);
  });
});
