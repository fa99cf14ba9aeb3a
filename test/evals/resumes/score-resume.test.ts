import { describe, expect, it } from 'vitest';
import { holdoutIds } from '../../../src/evals/resumes/resume-set.js';
import { scoreResume } from '../../../src/evals/resumes/score-resume.js';
import type { ProfileDraft } from '../../../src/resume/build-profile-draft.js';

const text =
  'Dana Okafor\nExperience\nBrightfield | Data Scientist\n- Cut forecast error by 18% with LightGBM\n';

function draftWith(did: string, metrics: string[]): ProfileDraft {
  return {
    name: 'Dana Okafor',
    contact: { links: [] },
    achievements: [
      { id: 'a-1', employer: 'Brightfield', did, metrics, tools: ['LightGBM'], methods: [], review: 'check' },
    ],
    projects: [],
    skills: [],
    education: [],
    unplaced: [],
  };
}

const label = {
  id: 'dana',
  achievements: ['Cut forecast error'],
  employers: ['Brightfield'],
  schools: [],
  metrics: ['18%'],
  tools: ['LightGBM'],
};

describe('scoreResume', () => {
  it('counts what the label asks for and finds nothing invented in a faithful draft', () => {
    const score = scoreResume(text, draftWith('Cut forecast error by 18% with LightGBM', ['18%']), label);
    expect(score).toEqual({
      achievements: { found: 1, of: 1 },
      employers: { found: 1, of: 1 },
      schools: { found: 0, of: 0 },
      metrics: { found: 1, of: 1 },
      tools: { found: 1, of: 1 },
      invented: [],
      missed: [],
    });
  });

  it('names every value the resume does not hold, a reworded line and a made-up metric alike', () => {
    const score = scoreResume(
      text,
      draftWith('Reduced forecast error by 18% using LightGBM', ['20%']),
      label,
    );
    expect(score.invented).toEqual(['did: Reduced forecast error by 18% using LightGBM', 'metric: 20%']);
    expect(score.missed).toEqual(['achievement: Cut forecast error', 'metric: 18%']);
  });

  it('reads past HTML tags as the importer does, but keeps a value that starts with "<"', () => {
    const tagged =
      'Dana Okafor\nExperience\nBrightfield | Data Scientist\n- Cut forecast error\n<b>by 18%</b> with <A>LightGBM</A>\n';
    expect(
      scoreResume(tagged, draftWith('Cut forecast error by 18% with LightGBM', ['18%']), label).invented,
    ).toEqual([]);
    const latency = 'Experience\n- Kept p99 latency <100ms\n';
    expect(scoreResume(latency, draftWith('Kept p99 latency <100ms', ['<100ms']), label).invented).toEqual([
      'name: Dana Okafor',
      'employer: Brightfield',
      'tool: LightGBM',
    ]);
    expect(scoreResume(latency, draftWith('Kept p99 latency <200ms', ['<100ms']), label).invented).toContain(
      'did: Kept p99 latency <200ms',
    );
  });
});

describe('holdoutIds', () => {
  it('takes a fifth of the ids by their hash, the same whatever their order', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    const chosen = holdoutIds(ids);
    expect(chosen.size).toBe(2);
    expect(holdoutIds([...ids].reverse())).toEqual(chosen);
  });
});
