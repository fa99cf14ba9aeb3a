import { describe, expect, it } from 'vitest';
import { formatJsonWithItemLines, jsonChunksWithItemLines } from '../../src/batch/format-json.js';

describe('formatJsonWithItemLines', () => {
  it('indents the top level and puts each list item on its own line', () => {
    const value = { version: 1, counts: { passed: 2 }, rows: [{ posting: 'a.txt' }, { posting: 'b.txt' }] };

    const text = formatJsonWithItemLines(value, 'rows');

    expect(text).toBe(
      '{\n  "version": 1,\n  "counts": {\n    "passed": 2\n  },\n  "rows": [\n    {"posting":"a.txt"},\n    {"posting":"b.txt"}\n  ]\n}\n',
    );
    expect(JSON.parse(text)).toEqual(value);
  });

  it('does the same for a record, and for empty ones', () => {
    const record = { version: 1, entries: { 'a.txt': { status: 'passed' } } };
    expect(formatJsonWithItemLines(record, 'entries')).toBe(
      '{\n  "version": 1,\n  "entries": {\n    "a.txt": {"status":"passed"}\n  }\n}\n',
    );
    for (const value of [{ entries: {} }, { entries: [] }, { version: 1, entries: {} }]) {
      expect(JSON.parse(formatJsonWithItemLines(value, 'entries'))).toEqual(value);
    }
  });

  it('gives a long list in pieces of about 64 KB, one item per line', () => {
    const rows = Array.from({ length: 5000 }, (_, index) => ({
      posting: `posting-${index}.txt`,
      words: index,
    }));
    const value = { version: 1, rows };

    const chunks = [...jsonChunksWithItemLines(value, 'rows')];

    expect(chunks.length).toBeGreaterThan(2);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(64 * 1024 + 100);
    expect(chunks.join('').split('\n').slice(0, 5)).toEqual([
      '{',
      '  "version": 1,',
      '  "rows": [',
      '    {"posting":"posting-0.txt","words":0},',
      '    {"posting":"posting-1.txt","words":1},',
    ]);
    expect(JSON.parse(chunks.join(''))).toEqual(value);
  });
});
