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

/** How fast a piece of work runs: cold (the first runs of a fresh process) and once the JIT has settled. */
export interface Rate {
  /** Runs a second over the first `coldRuns` runs, as a short batch or a single `lede draft` sees it. */
  readonly cold: number;
  readonly coldRuns: number;
  /** Runs a second over `durationMs`, after `warmMs` of runs: what a long batch sees. */
  readonly steady: number;
  readonly warmMs: number;
}

async function timed(
  work: (index: number) => Promise<void> | void,
  from: number,
  until: (runs: number, elapsed: number) => boolean,
): Promise<{ runs: number; perSecond: number }> {
  let runs = 0;
  const started = performance.now();
  while (!until(runs, performance.now() - started)) {
    await work(from + runs);
    runs++;
  }
  return { runs, perSecond: runs / ((performance.now() - started) / 1000) };
}

/**
 * Runs `work` once per item cold, then for `warmMs`, then measures for `durationMs`. The pipeline has many code paths
 * and V8 needs a few hundred letters to compile them all: measured after 20 runs, the offline engine showed a third
 * of its settled speed, so both figures are reported.
 */
async function rateOf(
  work: (index: number) => Promise<void> | void,
  coldRuns: number,
  durationMs: number,
  warmMs: number,
): Promise<Rate> {
  const cold = await timed(work, 0, (runs) => runs >= coldRuns);
  await timed(work, coldRuns, (_runs, elapsed) => elapsed >= warmMs);
  const steady = await timed(work, 0, (_runs, elapsed) => elapsed >= durationMs);
  return { cold: cold.perSecond, coldRuns, steady: steady.perSecond, warmMs };
}

/**
 * Letters per second of the whole pipeline on the offline engine (classify, extract, draft, critique, revise). Each
 * run gets a posting it has never seen (a new object with its own reference line), as in a real batch, so nothing
 * cached for an earlier posting's text or object can flatter the figure.
 */
export async function measureOfflineLetters(
  corpus: Corpus,
  durationMs: number,
  warmMs: number,
): Promise<Rate> {
  const engine = createOfflineEngine();
  let runs = 0;
  return rateOf(
    async (index) => {
      const posting = corpus.postings[index % corpus.postings.length] as Posting;
      const fresh: Posting = { ...posting, text: `${posting.text}\n\nReference: R-${runs++}` };
      await runPipeline(fresh, corpus.profile, { engine, playbooks: corpus.playbooks });
    },
    corpus.postings.length,
    durationMs,
    warmMs,
  );
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
  warmMs: number,
): Promise<Rate & { words: number }> {
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
  const rate = await rateOf(
    (index) => {
      const item = cases[index % cases.length] as (typeof cases)[number];
      critiqueLetter(item.letter, item.context);
    },
    cases.length,
    durationMs,
    warmMs,
  );
  return { ...rate, words };
}
