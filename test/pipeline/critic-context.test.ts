import { describe, expect, it } from 'vitest';
import { criticContextFor } from '../../src/pipeline/critic-context.js';
import { loadPlaybooks, playbookFor } from '../../src/playbooks/load-playbooks.js';

describe('criticContextFor', () => {
  it('takes the industry from the playbook and the vocabulary from the set, keeping what is not known as null', async () => {
    const playbooks = await loadPlaybooks();
    const playbook = playbookFor(playbooks, 'finance');
    expect(
      criticContextFor({ playbook, playbooks, posting: null, analysis: null, profile: null, maxWords: 180 }),
    ).toEqual({
      industry: 'finance',
      playbook,
      common: playbooks.common,
      posting: null,
      analysis: null,
      profile: null,
      maxWords: 180,
    });
  });
});
