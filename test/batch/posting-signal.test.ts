import { describe, expect, it } from 'vitest';
import { postingSignal } from '../../src/batch/posting-signal.js';

describe('postingSignal', () => {
  it("aborts with the batch's reason when the batch aborts", () => {
    const batch = new AbortController();
    const posting = postingSignal(batch.signal);

    expect(posting.signal.aborted).toBe(false);
    batch.abort(new Error('second signal'));

    expect(posting.signal.aborted).toBe(true);
    expect(posting.signal.reason).toEqual(new Error('second signal'));
  });

  it('starts aborted when the batch already is', () => {
    const batch = new AbortController();
    batch.abort('stopped');

    const posting = postingSignal(batch.signal);

    expect([posting.signal.aborted, posting.signal.reason]).toEqual([true, 'stopped']);
  });

  it('no longer follows the batch once released, so a finished posting holds nothing of it', () => {
    const batch = new AbortController();
    const posting = postingSignal(batch.signal);

    posting.release();
    batch.abort('late');

    expect(posting.signal.aborted).toBe(false);
  });
});
