import { describe, expect, it } from 'vitest';
import { findMetrics } from '../../src/resume/find-metrics.js';

describe('findMetrics', () => {
  it.each([
    ['cut latency by 40% for 2M+ users', ['40%', '2M+ users']],
    ['saved over $35k in waste', ['over $35k']],
    ['sped up a query tool 40× for 100s of engineers', ['40×']],
    ['scaling throughput from <100K to >2M images/day', ['<100K', '>2M images/day']],
    ['boosting bookings by 500/day', ['500/day']],
    ['reduced serving cost by 40–55% via batching', ['40–55%']],
    ['achieving >0.7 F1 on detection', ['>0.7 F1']],
  ])('%s', (text, expected) => {
    expect(findMetrics(text)).toEqual(expected);
  });

  it('takes no year, version or number inside a name', () => {
    expect(findMetrics('trained YOLOv9 on Sentinel-2 data from 2009–2020 in 2021')).toEqual([]);
  });
});
