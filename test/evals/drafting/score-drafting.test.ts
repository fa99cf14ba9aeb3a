import { describe, expect, it } from 'vitest';
import { commonestShare, distinctShare } from '../../../src/evals/drafting/score-drafting.js';

describe('the drafting eval’s variety measures', () => {
  it('counts as distinct only an opening no other letter shares', () => {
    expect(distinctShare(['a', 'b', 'a', 'c'])).toBe(0.5);
    expect(distinctShare(['a', 'a'])).toBe(0);
    expect(distinctShare([])).toBe(1);
  });

  it('gives the share of letters in the commonest frame, a letter without a third paragraph in none', () => {
    expect(commonestShare(['x', 'x', 'y', null])).toBe(0.5);
    expect(commonestShare([null, null])).toBe(0);
  });
});
