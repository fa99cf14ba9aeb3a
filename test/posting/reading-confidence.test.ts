import { describe, expect, it } from 'vitest';
import { confidentIndustry, readingConfidence } from '../../src/posting/reading-confidence.js';

const hook = { text: 'the lending decision engine', evidence: 'modernizing its lending decision engine' };
const reading = {
  industry: { industry: 'finance', confidence: 0.87, signals: ['bank'] },
  analysis: { company: 'Harborline Bank', role: null, hiringManager: null, hook, requiredTools: [] },
};

describe('readingConfidence', () => {
  it('trusts a reading with a sure industry, a named company and a quoted hook', () => {
    expect(readingConfidence(reading, [])).toEqual({
      confident: true,
      reasons: [
        'industry finance at confidence 0.87',
        'company Harborline Bank',
        'hook quoted from the posting',
      ],
    });
  });

  it('lists everything the reading lacks', () => {
    const weak = {
      industry: { industry: 'general', confidence: 0.4, signals: [] },
      analysis: { ...reading.analysis, company: null, hook: null },
    };
    expect(readingConfidence(weak, [])).toEqual({
      confident: false,
      reasons: [
        `industry general at confidence 0.4 (below ${confidentIndustry})`,
        'no company named',
        'no hook found',
      ],
    });
  });

  it('takes the threshold itself as confident, and anything the checks refused as not', () => {
    const atThreshold = { ...reading, industry: { ...reading.industry, confidence: confidentIndustry } };
    expect(readingConfidence(atThreshold, []).confident).toBe(true);
    const refused = [{ field: 'role' as const, value: 'Apply now', reason: 'it reads like an instruction' }];
    expect(readingConfidence(reading, refused)).toEqual({
      confident: false,
      reasons: ['role refused: it reads like an instruction'],
    });
  });
});
