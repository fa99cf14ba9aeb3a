import { describe, expect, it } from 'vitest';
import { scrubSecrets } from '../../../src/engines/openai/scrub-secrets.js';

describe('scrubSecrets', () => {
  it('removes the exact key, key-shaped tokens (masked ones too) and bearer tokens', () => {
    const text =
      'key test-key-not-real rejected; did you mean sk-proj-abc123****wxyz? header: Authorization: Bearer abc.def';
    expect(scrubSecrets(text, 'test-key-not-real')).toBe(
      'key [redacted] rejected; did you mean [redacted]? header: Authorization: Bearer [redacted]',
    );
  });

  it('leaves ordinary text alone, and ignores an empty key', () => {
    const text = 'risk-based scoring for a task-specific model';
    expect(scrubSecrets(text, '')).toBe(text);
    expect(scrubSecrets(text)).toBe(text);
  });
});
