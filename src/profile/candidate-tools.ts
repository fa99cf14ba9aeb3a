import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import type { Posting } from '../posting/posting.js';
import { toolChoices } from '../posting/tool-alternatives.js';
import { memoPair, memoWeak } from '../text/memo.js';
import { tokenize } from '../text/tokenize.js';
import { anyCaseToolMatcher } from '../text/vocabulary-matcher.js';
import { hasPhrase, wordsOfTokens } from '../text/whole-words.js';
import type { Profile } from './profile-schema.js';
import { profileText } from './profile-text.js';

/**
 * What the candidate can honestly claim, tool by tool, and which of a posting's tools they lack: the one notion of a
 * tool gap that the critic, the offline drafter and the model's prompt share. A tool is known by its name or any alias
 * common.yaml lists ("k8s" is Kubernetes), and one the candidate lacks may have a comparable tool they know.
 */
export interface CandidateTools {
  /** The names of common.yaml tools the profile mentions anywhere. */
  readonly known: ReadonlySet<string>;
  /** Whether the profile mentions a tool anywhere, under its name or an alias (any tool, known to common.yaml or not). */
  holds(tool: string): boolean;
  /**
   * The tool the candidate knows that stands in for one they lack: the profile's own `comparableTools` first, else the
   * first of common.yaml's comparable tools that the profile mentions, else a tool the profile holds that common.yaml
   * lists the missing one as comparable to (doing the same job is symmetric). Null when there is none.
   */
  comparable(tool: string): string | null;
}

/** A tool the posting asks for that the profile does not hold. */
export interface MissingTool {
  /** The canonical name. */
  readonly tool: string;
  /** The tool the candidate knows that does the same job, or null when there is none. */
  readonly comparable: string | null;
  /** A tool the posting offers in its place ("XGBoost or LightGBM") that the candidate holds: then it is no gap. */
  readonly alternative: string | null;
}

/** A gap the letter should own up to. */
export type ToolGap = Pick<MissingTool, 'tool' | 'comparable'>;

/**
 * How many gaps a letter acknowledges: the first ones the posting names. Owning up to every missing tool reads as a
 * list of weaknesses, and as the framework list the guide warns against.
 */
export const gapsToAcknowledge = 2;

/** Every spelling common.yaml knows (names and aliases, lowercase), with the tool's name. */
const namesBySpelling = memoWeak((tools: CommonVocabulary['tools']): ReadonlyMap<string, string> => {
  const names = new Map<string, string>();
  for (const tool of tools) {
    for (const spelling of [tool.name, ...tool.aliases]) names.set(spelling.toLowerCase(), tool.name);
  }
  return names;
});

/** common.yaml's name for a tool written any way it knows ("k8s" -> "Kubernetes"); the input when it knows none. */
export function canonicalTool(name: string, common: CommonVocabulary): string {
  return namesBySpelling(common.tools).get(name.trim().toLowerCase()) ?? name.trim();
}

/** The candidate's tools, worked out once per profile and vocabulary: a batch drafts every posting from one profile. */
export const candidateTools: (profile: Profile, common: CommonVocabulary) => CandidateTools = memoPair(build);

function build(profile: Profile, common: CommonVocabulary): CandidateTools {
  const text = profileText(profile);
  const tokens = tokenize(text);
  const words = wordsOfTokens(tokens);
  // Longest match first over everything the profile says: "TensorFlow Serving" is not a claim to TensorFlow.
  const known = new Set(
    anyCaseToolMatcher(common.tools)
      .find(text, tokens)
      .map((match) => match.term),
  );
  const holds = (tool: string): boolean => {
    const canonical = canonicalTool(tool, common);
    if (namesBySpelling(common.tools).has(canonical.toLowerCase())) return known.has(canonical);
    return hasPhrase(words, tool);
  };
  const comparable = (tool: string): string | null => {
    const canonical = canonicalTool(tool, common);
    for (const [own, standIn] of Object.entries(profile.comparableTools)) {
      if (canonicalTool(own, common) === canonical) return standIn;
    }
    const builtIn = Object.entries(common.comparableTools).find(
      ([listed]) => canonicalTool(listed, common) === canonical,
    )?.[1];
    const forward = builtIn?.find(holds);
    if (forward !== undefined) return forward;
    for (const [held, similar] of Object.entries(common.comparableTools)) {
      if (holds(held) && similar.some((other) => canonicalTool(other, common) === canonical)) return held;
    }
    return null;
  };
  return { known, holds, comparable };
}

/** The required tools the profile lacks, once each, in the posting's order. */
export function missingTools(
  requiredTools: readonly string[],
  posting: Posting,
  profile: Profile,
  common: CommonVocabulary,
): readonly MissingTool[] {
  return missingFor(posting, profile)(requiredTools, common);
}

// The drafter and the critic ask for the same posting and profile again and again: for every candidate letter.
const missingFor = memoPair((posting: Posting, profile: Profile) =>
  memoPair((requiredTools: readonly string[], common: CommonVocabulary) =>
    findMissing(requiredTools, posting, profile, common),
  ),
);

function findMissing(
  requiredTools: readonly string[],
  posting: Posting,
  profile: Profile,
  common: CommonVocabulary,
): MissingTool[] {
  const candidate = candidateTools(profile, common);
  const missing: MissingTool[] = [];
  const seen = new Set<string>();
  for (const required of requiredTools) {
    const tool = canonicalTool(required, common);
    if (seen.has(tool) || candidate.holds(required)) continue;
    seen.add(tool);
    const comparable = candidate.comparable(tool);
    let alternative: string | null = null;
    for (const choice of toolChoices(posting, common)) {
      if (!choice.tools.includes(tool)) continue;
      alternative =
        choice.tools.find((other) => other !== tool && candidate.holds(other)) ??
        (choice.open && comparable !== null ? comparable : null);
      if (alternative !== null) break;
    }
    missing.push({ tool, comparable, alternative });
  }
  return missing;
}

/** The gaps a letter should acknowledge: missing tools with no alternative the posting accepts, the first few. */
export function toolGaps(
  requiredTools: readonly string[],
  posting: Posting,
  profile: Profile,
  common: CommonVocabulary,
): ToolGap[] {
  return missingTools(requiredTools, posting, profile, common)
    .filter((missing) => missing.alternative === null)
    .slice(0, gapsToAcknowledge)
    .map(({ tool, comparable }) => ({ tool, comparable }));
}
