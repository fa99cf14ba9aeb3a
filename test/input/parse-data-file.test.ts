import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseDataDocument, parseDataFile } from '../../src/input/parse-data-file.js';

function failure(text: string, path = 'profile.yaml'): InputError {
  try {
    parseDataFile(text, path, 'profile');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parseDataFile', () => {
  it('refuses an alias bomb with an InputError instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      levels.push(
        `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(10).fill(`*${previous}`).join(', ')}]`,
      );
    }
    const error = failure(levels.join('\n'));
    expect({ code: error.code, message: error.message, hint: error.hint }).toEqual({
      code: 'profile.syntax',
      message:
        'profile.yaml: its anchors and aliases (&name, *name) expand to far more data than a profile holds',
      hint: 'remove the anchors and aliases (&name, *name): write the values out',
    });
  });

  it('names and quotes the line of a duplicate key, with a fix for that kind of error', () => {
    const error = failure('name: Sam\nname: Samuel\n');
    expect({ message: error.message, line: error.line, hint: error.hint }).toEqual({
      message: 'profile.yaml:2: invalid YAML: Map keys must be unique\n  2 | name: Samuel',
      line: 2,
      hint: 'a key appears twice in the same block: keep one of them',
    });
  });

  it('never quotes a line that may hold a secret', () => {
    const error = failure('model: gpt\napiKey: key: test-key-not-real-SECRET123\n', 'lede.config.yaml');
    expect(error.message).not.toContain('SECRET123');
    expect(error.message).toBe(
      'lede.config.yaml:2: invalid YAML: Nested mappings are not allowed in compact mappings\n' +
        '  2 | (line not shown: it may hold a secret)',
    );
  });

  it('names and quotes the line of a JSON syntax error', () => {
    const error = failure('{\n  "name": "Sam",\n}\n', 'profile.json');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^profile\.json:3: invalid JSON \(.*\)\n {2}3 \| }$/);
  });

  it('keeps executable-looking YAML tags as inert strings', () => {
    expect(
      parseDataFile('skills: !!js/function "function () { process.exit(7) }"\n', 'p.yaml', 'profile'),
    ).toEqual({
      skills: 'function () { process.exit(7) }',
    });
  });
});

describe('parseDataDocument', () => {
  it('finds the line of a field, or of its closest parent when the field is missing', () => {
    const text = 'name: Sam\nachievements:\n  - id: one\n    did: built\n  - id: two\n    tools: Redis\n';
    const { lineOf } = parseDataDocument(text, 'p.yaml', 'profile');
    expect([
      lineOf(['name']),
      lineOf(['achievements', 1, 'tools']),
      lineOf(['achievements', 1, 'did']),
      lineOf(['nowhere']),
    ]).toEqual([1, 6, 5, 1]);
  });

  it('finds lines in JSON files too', () => {
    const { data, lineOf } = parseDataDocument(
      '{\n  "name": "Sam",\n  "skills": 3\n}\n',
      'p.json',
      'profile',
    );
    expect([data, lineOf(['skills'])]).toEqual([{ name: 'Sam', skills: 3 }, 3]);
  });
});
