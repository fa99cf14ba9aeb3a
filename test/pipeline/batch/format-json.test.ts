import { describe, expect, it } from 'vitest';
import { formatJsonWithItemLines } from '../../../src/pipeline/batch/format-json.js';

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
});
