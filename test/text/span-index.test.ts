import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spanIndexAt } from '../../src/text/span-index.js';

describe('spanIndexAt', () => {
  it('finds the range holding an offset, and -1 in a gap or past the end', () => {
    const ranges = [
      { start: 0, end: 5 },
      { start: 7, end: 12 },
    ];
    expect([0, 4, 5, 7, 11, 12].map((offset) => spanIndexAt(ranges, offset))).toEqual([0, 0, -1, 1, 1, -1]);
    expect(spanIndexAt([], 3)).toBe(-1);
  });

  it('agrees with a linear scan on any sorted, non-overlapping ranges', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { maxLength: 30 }), fc.nat(400), (widths, offset) => {
        const ranges: { start: number; end: number }[] = [];
        let at = 0;
        for (const width of widths) {
          ranges.push({ start: at, end: at + width + 1 });
          at += width + 1 + (width % 3);
        }
        const linear = ranges.findIndex((range) => offset >= range.start && offset < range.end);
        expect(spanIndexAt(ranges, offset)).toBe(linear);
      }),
    );
  });
});
