import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/cli/format-error.js';
import { AbortedError, ConfigError, InputError, LlmError, OutputError } from '../../src/errors.js';

const quiet = { verbose: false };

describe('formatError', () => {
  it('prints a lede error with its hint, naming the file and field when the message does not', () => {
    const error = new InputError('profile.invalid', 'achievements[0].metrics must be a list (got a string)', {
      file: 'me.yaml',
      field: 'achievements[0].metrics',
      line: 12,
      hint: 'write metrics: ["40%"]',
    });
    expect(formatError(error, quiet)).toEqual({
      text: 'error: achievements[0].metrics must be a list (got a string)\n  file: me.yaml:12\n  hint: write metrics: ["40%"]\n',
      exitCode: 2,
    });
  });

  it('does not repeat a file or field the message already names', () => {
    const error = new ConfigError('config.invalid', 'lede.config.yaml: maxWords must be a whole number', {
      file: 'lede.config.yaml',
      field: 'maxWords',
      hint: 'fix it',
    });
    expect(formatError(error, quiet).text).toBe(
      'error: lede.config.yaml: maxWords must be a whole number\n  hint: fix it\n',
    );
  });

  it.each([
    { error: new LlmError('llm.auth', 'the key was refused'), exitCode: 3 },
    { error: new OutputError('output.write-failed', 'out.md cannot be written (EACCES)'), exitCode: 4 },
    { error: new ConfigError('config.invalid', 'bad'), exitCode: 2 },
  ])('takes the exit code from the error ($exitCode)', ({ error, exitCode }) => {
    expect(formatError(error, quiet).exitCode).toBe(exitCode);
  });

  it('reports an interruption with exit code 130', () => {
    const signalled = new AbortController();
    signalled.abort();
    expect(formatError(signalled.signal.reason, quiet)).toEqual({
      text: 'lede: interrupted (stopped by a signal); work already written is kept\n',
      exitCode: 130,
    });
    expect(formatError(new AbortedError('aborted.signal', 'the request was cancelled'), quiet).exitCode).toBe(
      130,
    );
  });

  it('keeps an unexpected error to one line without --verbose, and adds the stack with it', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'x')\n    at somewhere");
    expect(formatError(error, quiet)).toEqual({
      text:
        "error: internal error: TypeError: Cannot read properties of undefined (reading 'x')\n" +
        '  hint: run again with --verbose for details, and report it if it persists\n',
      exitCode: 1,
    });
    const verbose = formatError(error, { verbose: true }).text;
    expect(verbose).toContain('at somewhere');
    expect(verbose).toContain(error.stack ?? 'no stack');
  });

  it('shows the cause chain with --verbose only', () => {
    const error = new LlmError('llm.server', 'the server failed', { cause: new Error('socket hang up') });
    expect(formatError(error, quiet).text).not.toContain('socket hang up');
    expect(formatError(error, { verbose: true }).text).toContain('caused by: Error: socket hang up');
  });

  it('scrubs the API key and credential-shaped strings from everything it prints', () => {
    const error = new LlmError('llm.auth', 'Incorrect API key provided: test-key-fake-1', {
      cause: new Error('Authorization: Bearer test-key-fake-1'),
      hint: 'check sk-abcdefghijklmnop',
    });
    const text = formatError(error, { verbose: true, apiKey: 'test-key-fake-1' }).text;
    expect(text).not.toContain('test-key-fake-1');
    expect(text).not.toContain('sk-abcdefghijklmnop');
    expect(text.split('\n').slice(0, 2)).toEqual([
      'error: Incorrect API key provided: [redacted]',
      '  hint: check [redacted]',
    ]);
  });
});
