import { describe, expect, it } from 'vitest';
import { findDates, withoutDates } from '../../src/resume/parse-dates.js';

describe('findDates', () => {
  it.each([
    ['June 2022 – December 2024', 'June 2022 – December 2024', '2024'],
    ['Feb. 2023 \u2011 Jul. 2023', 'Feb. 2023 \u2011 Jul. 2023', '2023'],
    ['June – August 2021', 'June – August 2021', '2021'],
    ['oct 2022 — oct 2025', 'oct 2022 — oct 2025', '2025'],
    ['01/2022 - Present', '01/2022 - Present', '2022'],
    ['Since August 2024', 'Since August 2024', '2024'],
  ])('%s', (text, span, year) => {
    expect(findDates(text).map((date) => [date.text, date.year])).toEqual([[span, year]]);
  });

  it('reads no bare month name as a date', () => {
    expect(findDates('May the model ship')).toEqual([]);
  });
});

describe('withoutDates', () => {
  it('leaves the title when the dates and a duration are taken out', () => {
    expect(withoutDates('Senior developer oct 2022 — oct 2025 3 years')).toBe('Senior developer');
  });
});
