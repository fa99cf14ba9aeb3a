import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import type { Posting } from '../posting/posting.js';
import { toolChoices } from '../posting/tool-alternatives.js';
import type { Profile } from '../profile/profile-schema.js';
import { canonicalTool, comparableTool, profileHasTool, profileIndex } from './profile-index.js';

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

interface Remembered {
  readonly requiredTools: readonly string[];
  readonly common: CommonVocabulary;
  readonly missing: readonly MissingTool[];
}

// The drafter and the critic ask for the same posting and profile again and again: for every candidate letter.
const remembered = new WeakMap<Posting, WeakMap<Profile, Remembered>>();

/** The required tools the profile lacks, once each, in the posting's order. */
export function missingTools(
  requiredTools: readonly string[],
  posting: Posting,
  profile: Profile,
  common: CommonVocabulary,
): readonly MissingTool[] {
  let byProfile = remembered.get(posting);
  if (byProfile === undefined) {
    byProfile = new WeakMap();
    remembered.set(posting, byProfile);
  }
  const known = byProfile.get(profile);
  if (known !== undefined && known.requiredTools === requiredTools && known.common === common)
    return known.missing;
  const missing = findMissing(requiredTools, posting, profile, common);
  byProfile.set(profile, { requiredTools, common, missing });
  return missing;
}

function findMissing(
  requiredTools: readonly string[],
  posting: Posting,
  profile: Profile,
  common: CommonVocabulary,
): MissingTool[] {
  const index = profileIndex(profile, common);
  const holds = (tool: string) => profileHasTool(index, tool, common);
  const missing: MissingTool[] = [];
  const seen = new Set<string>();
  for (const required of requiredTools) {
    const tool = canonicalTool(required, common);
    if (seen.has(tool) || holds(required)) continue;
    seen.add(tool);
    const comparable = comparableTool(tool, profile, common);
    let alternative: string | null = null;
    for (const choice of toolChoices(posting, common)) {
      if (!choice.tools.includes(tool)) continue;
      alternative =
        choice.tools.find((other) => other !== tool && holds(other)) ??
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
