import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/exit-code-for.js';
import { AbortedError, ConfigError, InputError, LlmError, OutputError } from '../../src/errors.js';

describe('exitCodeFor', () => {
  it.each([
    { error: new ConfigError('config.invalid', 'bad flag'), exitCode: 2 },
    { error: new InputError('posting.empty', 'empty'), exitCode: 2 },
    { error: new LlmError('llm.quota', 'no quota'), exitCode: 3 },
    { error: new OutputError('output.write-failed', 'disk full'), exitCode: 4 },
    { error: new AbortedError('aborted.signal', 'cancelled'), exitCode: 130 },
    { error: new DOMException('stopped', 'AbortError'), exitCode: 130 },
    { error: new TypeError('a bug'), exitCode: 1 },
    { error: 'a string thrown', exitCode: 1 },
  ])('maps $error to $exitCode', ({ error, exitCode }) => {
    expect(exitCodeFor(error)).toBe(exitCode);
  });
});
