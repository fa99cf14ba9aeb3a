import { createScorer, normalizeName } from '../scorer.js';

/** Share of the labelled tools the extractor found; a tool's aliases in templates/common.yaml count as the tool. */
export const toolsRecall = createScorer({
  name: 'tools-recall',
  description:
    'share of the labelled required tools found in the extracted ones (aliases from common.yaml count)',
  binary: false,
  tolerance: { absolute: 0.03 },
  score: (evalCase, result, context) => {
    const wanted = evalCase.label.requiredTools;
    if (wanted.length === 0) return null;
    const canonical = new Map<string, string>();
    for (const tool of context.playbooks.common.tools) {
      for (const name of [tool.name, ...tool.aliases])
        canonical.set(normalizeName(name), normalizeName(tool.name));
    }
    const key = (name: string): string => canonical.get(normalizeName(name)) ?? normalizeName(name);
    const found = new Set(result.analysis.requiredTools.map(key));
    return wanted.filter((tool) => found.has(key(tool))).length / wanted.length;
  },
});
