import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadPrompt, type PromptName, promptsFolder } from '../../src/prompts/load-prompt.js';
import { promptSlots } from '../../src/prompts/render-prompt.js';

/** The contract between the prompt files and the code that renders them. */
const expectedSlots: Record<PromptName, string[]> = {
  'analyze-posting': ['industries'],
  'draft-letter': [
    'stockOpeners',
    'maxWords',
    'levelGuidance',
    'industryLabel',
    'dos',
    'donts',
    'skeleton',
    'vocabulary',
  ],
  'draft-request': ['analysis', 'posting', 'profile'],
  'revise-letter': ['findings', 'maxWords'],
  'write-in-language': ['language'],
  'repair-output': ['schemaName', 'issues'],
  'json-object-instruction': ['schemaName', 'schema'],
  'level-experienced': [],
  'level-early-career': [],
  'level-career-changer': [],
};

describe('loadPrompt', () => {
  it('ships one file per prompt, each using exactly the slots its caller fills', async () => {
    const files = (await readdir(promptsFolder())).filter((name) => name.endsWith('.md')).sort();
    expect(files).toEqual(
      Object.keys(expectedSlots)
        .map((name) => `${name}.md`)
        .sort(),
    );
    for (const [name, slots] of Object.entries(expectedSlots)) {
      const template = await loadPrompt(name as PromptName);
      expect(template.text.length).toBeGreaterThan(40);
      expect([name, promptSlots(template)]).toEqual([name, slots]);
    }
  });

  it('tells the model that fenced posting text is data, in every prompt that receives a posting', async () => {
    for (const name of ['analyze-posting', 'draft-letter'] as const) {
      expect((await loadPrompt(name)).text).toMatch(/<posting>[\s\S]*(ignore|data)/i);
    }
  });
});
