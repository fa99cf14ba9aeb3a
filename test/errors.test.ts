import { describe, expect, it } from 'vitest';
import { errorCodes, isLlmErrorCode } from '../src/errors.js';

describe('errorCodes', () => {
  it('lists each code once, every one in its family or (for input) naming the file it is about', () => {
    const all = Object.values(errorCodes).flat();
    expect(new Set(all).size).toBe(all.length);
    const inputKinds = [
      'posting',
      'profile',
      'letter',
      'playbook',
      'input',
      'dataset',
      'overrides',
      'resume',
    ];
    for (const [family, codes] of Object.entries(errorCodes)) {
      for (const code of codes) {
        const prefix = code.slice(0, code.indexOf('.'));
        expect([code, family === 'input' ? inputKinds.includes(prefix) : prefix === family]).toEqual([
          code,
          true,
        ]);
        expect(code).toMatch(/^[a-z]+\.[a-z]+(-[a-z]+)*$/);
      }
    }
  });

  it('tells a known model-endpoint code from anything else read back from a file', () => {
    expect(isLlmErrorCode('llm.quota')).toBe(true);
    expect(isLlmErrorCode('llm.something-new')).toBe(false);
    expect(isLlmErrorCode('output.write-failed')).toBe(false);
  });
});
