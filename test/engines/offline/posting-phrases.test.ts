import { describe, expect, it } from 'vitest';
import { fillPhrase } from '../../../src/engines/offline/posting-phrases.js';

const named = {
  company: 'Orbitly',
  hook: 'Project Relay',
  role: 'ML Platform Engineer',
  focus: 'fast serving',
};

describe('fillPhrase', () => {
  it('fills every slot for a named employer and a named role', () => {
    expect(fillPhrase('The {role} role at {company} centres on {focus}.', named)).toBe(
      'The ML Platform Engineer role at Orbitly centres on fast serving.',
    );
    expect(fillPhrase("{company}'s work on {hook} is what I want to build.", named)).toBe(
      "Orbitly's work on Project Relay is what I want to build.",
    );
  });

  it('never writes "at your team" for an employer the posting does not name', () => {
    const unnamed = { ...named, company: 'your team', unnamed: true };
    expect(fillPhrase('I want to ship work like that at {company}.', unnamed)).toBe(
      'I want to ship work like that on your team.',
    );
    expect(
      fillPhrase('I would be glad to talk about what I could build with your team at {company}.', unnamed),
    ).toBe('I would be glad to talk about what I could build with your team.');
    const client = { ...named, company: 'your client', unnamed: true };
    expect(fillPhrase('Results like that are what I want to deliver at {company}.', client)).toBe(
      'Results like that are what I want to deliver at your client.',
    );
  });

  it('says "this role" when the posting names no title, never the candidate’s headline', () => {
    expect(fillPhrase('The {role} role at {company} centres on {focus}.', { ...named, role: '' })).toBe(
      'This role at Orbitly centres on fast serving.',
    );
  });
});
