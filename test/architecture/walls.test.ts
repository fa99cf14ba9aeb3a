import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type IFlattenedRuleSet, type IViolation } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';

interface WallsConfig {
  readonly forbidden: NonNullable<IFlattenedRuleSet['forbidden']>;
  readonly options: Record<string, unknown>;
}
const config = createRequire(import.meta.url)(join(packageRoot(), '.dependency-cruiser.cjs')) as WallsConfig;

/** Each crossing as one readable line: the rule, and the import that breaks it. */
async function crossings(baseDir: string): Promise<string[]> {
  const result = await cruise(['src'], {
    ...config.options,
    baseDir,
    ruleSet: { forbidden: config.forbidden },
    validate: true,
  });
  if (typeof result.output === 'string')
    throw new Error('dependency-cruiser returned text, not a cruise result');
  return result.output.summary.violations.map(
    (violation: IViolation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`,
  );
}

describe('the walls between the rooms (docs/architecture.md)', () => {
  it('are crossed nowhere in src/', async () => {
    expect(await crossings(packageRoot())).toEqual([]);
  });

  describe('on a house built to cross them', () => {
    let folder: string | undefined;
    afterAll(async () => {
      if (folder !== undefined) await rm(folder, { recursive: true, force: true });
    });

    it('name every crossing: a critic importing an engine, engines importing each other, the core importing the cli, a cycle', async () => {
      folder = await mkdtemp(join(tmpdir(), 'lede-walls-'));
      const files: Record<string, string> = {
        'src/critic/rule.ts':
          "import { draft } from '../engines/offline/draft.js';\nexport const rule = draft;\n",
        'src/engines/offline/draft.ts':
          "import { call } from '../openai/call.js';\nexport const draft = call;\n",
        'src/engines/openai/call.ts': 'export const call = 1;\n',
        'src/text/tokenize.ts': "import { main } from '../cli/main.js';\nexport const tokenize = main;\n",
        'src/cli/main.ts': 'export const main = 1;\n',
        'src/pipeline/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
        'src/pipeline/b.ts': "import { a } from './a.js';\nexport const b = a;\n",
      };
      for (const [path, text] of Object.entries(files)) {
        await mkdir(join(folder, dirname(path)), { recursive: true });
        await writeFile(join(folder, path), text);
      }
      expect((await crossings(folder)).sort()).toEqual([
        'engines-apart: src/engines/offline/draft.ts -> src/engines/openai/call.ts',
        'floor-0-looks-up: src/text/tokenize.ts -> src/cli/main.ts',
        'floor-3-looks-up: src/critic/rule.ts -> src/engines/offline/draft.ts',
        'no-cycles: src/pipeline/a.ts -> src/pipeline/b.ts',
      ]);
    });
  });
});
