import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { critiqueLetter } from '../src/critic/critique-letter.js';
import { analyzeLetter } from '../src/critic/letter-anatomy.js';
import type { CriticContext } from '../src/critic/rule.js';
import { createOfflineEngine } from '../src/engines/offline/offline-engine.js';
import { runPipeline } from '../src/pipeline/run-pipeline.js';
import { loadPlaybooks, playbookFor } from '../src/playbooks/load-playbooks.js';
import type { PlaybookSet } from '../src/playbooks/playbook-schema.js';
import { loadPosting } from '../src/posting/load-posting.js';
import type { Posting } from '../src/posting/posting.js';
import { loadProfile } from '../src/profile/load-profile.js';
import type { Profile } from '../src/profile/profile-schema.js';

export interface Corpus {
  readonly postings: readonly Posting[];
  readonly profile: Profile;
  readonly playbooks: PlaybookSet;
}

/** The postings in `postingsFolder` and one profile: what the offline and critic benchmarks run on. */
export async function loadCorpus(postingsFolder: string, profilePath: string): Promise<Corpus> {
  const names = (await readdir(postingsFolder)).filter((name) => /\.(txt|md|html?)$/.test(name)).sort();
  return {
    postings: await Promise.all(names.map((name) => loadPosting(join(postingsFolder, name)))),
    profile: await loadProfile(profilePath),
    playbooks: await loadPlaybooks(),
  };
}

/** Runs `work` repeatedly for about `durationMs` (after a short warm-up) and returns how many runs a second. */
async function perSecond(durationMs: number, work: (index: number) => Promise<void> | void): Promise<number> {
  for (let index = 0; index < 20; index++) await work(index);
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < durationMs) {
    await work(count);
    count++;
  }
  return count / ((performance.now() - started) / 1000);
}

/**
 * Letters per second of the whole pipeline on the offline engine (classify, extract, draft, critique, revise). Each
 * run gets a posting it has never seen (a new object with its own reference line), as in a real batch, so nothing
 * cached for an earlier posting's text or object can flatter the figure.
 */
export async function measureOfflineLetters(corpus: Corpus, durationMs: number): Promise<number> {
  const engine = createOfflineEngine();
  let runs = 0;
  return perSecond(durationMs, async (index) => {
    const posting = corpus.postings[index % corpus.postings.length] as Posting;
    const fresh: Posting = { ...posting, text: `${posting.text}\n\nReference: R-${runs++}` };
    await runPipeline(fresh, corpus.profile, { engine, playbooks: corpus.playbooks });
  });
}

const filler =
  'I also review code, write tests for the feature pipelines, and keep the training runs reproducible so that the ' +
  'next engineer can rerun them. ';

/** Pads a letter's body with plausible sentences until the body holds exactly `words` words. */
function toWords(letter: string, words: number, common: Corpus['playbooks']['common']): string {
  const [head, signoff] = letter.split(/\n\n(?=Best,|Sincerely,|Kind regards,|Regards,)/);
  let body = head ?? letter;
  const fillerWords = filler.trim().split(/\s+/);
  let missing = words - analyzeLetter(letter, common).wordCount;
  let paragraph: string[] = [];
  while (missing > 0) {
    const take = Math.min(missing, fillerWords.length);
    paragraph.push(`${fillerWords.slice(0, take).join(' ').replace(/[.,]$/, '')}.`);
    missing -= take;
    if (paragraph.length === 3 || missing <= 0) {
      body += `\n\n${paragraph.join(' ')}`;
      paragraph = [];
    }
  }
  return signoff === undefined ? body : `${body}\n\n${signoff}`;
}

/** Critiques per second on letters of about 250 words, each with its posting, analysis and profile. */
export async function measureCritic(
  corpus: Corpus,
  durationMs: number,
): Promise<{ perSecond: number; words: number }> {
  const engine = createOfflineEngine();
  const cases: { letter: string; context: CriticContext }[] = [];
  for (const posting of corpus.postings) {
    const result = await runPipeline(posting, corpus.profile, { engine, playbooks: corpus.playbooks });
    const playbook = playbookFor(corpus.playbooks, result.industry.industry);
    cases.push({
      letter: toWords(result.letter, 250, corpus.playbooks.common),
      context: {
        industry: playbook.industry,
        playbook,
        common: corpus.playbooks.common,
        posting,
        analysis: result.analysis,
        profile: corpus.profile,
        maxWords: 250,
      },
    });
  }
  const words =
    cases.reduce((sum, item) => sum + analyzeLetter(item.letter, corpus.playbooks.common).wordCount, 0) /
    cases.length;
  const rate = await perSecond(durationMs, (index) => {
    const item = cases[index % cases.length] as (typeof cases)[number];
    critiqueLetter(item.letter, item.context);
  });
  return { perSecond: rate, words };
}
