import { beforeAll, describe, expect, it } from 'vitest';
import { choosePhrase, type PhraseContext, phraseHolds } from '../../../src/engines/offline/choose-phrase.js';
import { playbookFor } from '../../../src/playbooks/load-playbooks.js';
import type { Profile } from '../../../src/profile/profile-schema.js';
import { exampleProfile, playbooks } from './offline-test-kit.js';

const finance = playbookFor(playbooks, 'finance');
const explains = { text: 'My models are explained to reviewers.', needs: 'explainability' };
const forRisk = { text: 'I want to support {company} on risk.', fits: ['risk', 'compliance'] };

describe('choosePhrase', () => {
  let experienced: Profile;
  let careerChanger: Profile;
  beforeAll(async () => {
    experienced = await exampleProfile('experienced-mle');
    careerChanger = await exampleProfile('career-changer');
  });
  const context = (profile: Profile, postingText: string): PhraseContext => ({
    playbook: finance,
    profile,
    postingText,
  });

  it('lets a sentence claim a kind of work only when a profile fact shows it (SHAP is explainability)', () => {
    expect(phraseHolds(explains, context(experienced, 'a bank'))).toBe(true);
    expect(phraseHolds(explains, context(careerChanger, 'a bank'))).toBe(false);
  });

  it('uses a sentence that suits some postings only where the posting talks about it', () => {
    expect(phraseHolds(forRisk, context(experienced, 'Our model risk team validates every model.'))).toBe(
      true,
    );
    expect(phraseHolds(forRisk, context(experienced, 'We bottle and ship soft drinks.'))).toBe(false);
  });

  it('prefers a sentence whose conditions hold, and falls back to a plain one', () => {
    const list = ['A plain closing for {company}.', explains];
    expect(choosePhrase(list, context(experienced, 'a bank'), 'seed', 'closing')).toBe(explains.text);
    expect(choosePhrase(list, context(careerChanger, 'a bank'), 'seed', 'closing')).toBe(
      'A plain closing for {company}.',
    );
    expect(choosePhrase([], context(experienced, 'a bank'), 'seed', 'closing')).toBeUndefined();
  });
});
