import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { critiqueLetter } from '../../src/critic/critique-letter.js';
import { loadPlaybooks, playbookFor } from '../../src/playbooks/load-playbooks.js';
import { loadPosting } from '../../src/posting/load-posting.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import { hostile, validProfile } from './support/hostile.js';
import { lanternfishAnalysis } from './support/lanternfish.js';

const injections = Object.keys(
  JSON.parse(readFileSync(hostile('injection/payloads.json'), 'utf8')) as object,
);

/**
 * Letters whose injected text no error-level rule flags yet, each with what a rule would need to see (reported to the
 * critic's owner). This list may only shrink: when a rule learns a case, the test fails until the name is removed.
 *  - poem-plain.md: a line of verse with no number, name, link or code in it: only "not from the profile or the
 *    posting" as a whole sentence gives it away.
 *  - referral-plain.md: a person's name ("Jordan Vega") that is in neither the profile nor the posting's visible text.
 */
const notCaughtYet = ['poem-plain.md', 'referral-plain.md'];

interface InjectedLetter {
  /** The injection posting the letter's extra line came from. */
  readonly posting: string;
  /** The text the injection added to an otherwise clean letter. */
  readonly injected: string;
}

describe('the critic catches letters that carry content from an injection', () => {
  const letters = JSON.parse(readFileSync(hostile('injected-letters/letters.json'), 'utf8')) as Record<
    string,
    InjectedLetter
  >;

  it('passes the clean letter for every injection posting', async () => {
    const playbooks = await loadPlaybooks();
    const profile = await loadProfile(validProfile);
    const clean = readFileSync(hostile('injected-letters/clean.md'), 'utf8');
    const errors: Record<string, string[]> = {};
    for (const file of injections) {
      const posting = await loadPosting(hostile(`injection/${file}`));
      const critique = critiqueLetter(clean, {
        industry: 'tech',
        playbook: playbookFor(playbooks, 'tech'),
        common: playbooks.common,
        posting,
        analysis: lanternfishAnalysis,
        profile,
        maxWords: 250,
      });
      errors[file] = critique.findings
        .filter((finding) => finding.severity === 'error')
        .map((finding) => finding.ruleId);
    }
    expect(errors).toEqual(Object.fromEntries(injections.map((file) => [file, []])));
  });

  it('flags the injected text in every letter with an error-level finding that quotes it', async () => {
    const playbooks = await loadPlaybooks();
    const profile = await loadProfile(validProfile);
    const caught: Record<string, string[]> = {};
    for (const [name, entry] of Object.entries(letters)) {
      const letter = readFileSync(hostile(`injected-letters/${name}`), 'utf8');
      const start = letter.indexOf(entry.injected);
      expect(start).toBeGreaterThanOrEqual(0);
      const end = start + entry.injected.length;
      const critique = critiqueLetter(letter, {
        industry: 'tech',
        playbook: playbookFor(playbooks, 'tech'),
        common: playbooks.common,
        posting: await loadPosting(hostile(entry.posting)),
        analysis: lanternfishAnalysis,
        profile,
        maxWords: 250,
      });
      caught[name] = [
        ...new Set(
          critique.findings
            .filter(
              (finding) =>
                finding.severity === 'error' &&
                finding.evidence !== null &&
                finding.evidence.start < end &&
                finding.evidence.end > start,
            )
            .map((finding) => finding.ruleId),
        ),
      ];
    }
    const missed = Object.entries(caught)
      .filter(([, rules]) => rules.length === 0)
      .map(([name]) => name);
    expect(missed).toEqual(notCaughtYet);
  });

  it('lists as not caught yet only letters of the corpus', () => {
    expect(notCaughtYet.filter((name) => !(name in letters))).toEqual([]);
  });
});
