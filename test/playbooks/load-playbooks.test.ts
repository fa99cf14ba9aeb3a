import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledTemplatesFolder, loadPlaybooks, playbookFor } from '../../src/playbooks/load-playbooks.js';
import { newTemporaryFolder } from '../support/temporary-folder.js';

async function copyTemplates(): Promise<string> {
  const folder = await newTemporaryFolder('templates');
  await cp(bundledTemplatesFolder(), folder, { recursive: true });
  return folder;
}

/** A copy of the bundled templates with one edit to finance.yaml; the path of that file. */
async function withFinanceEdit(from: string, to: string): Promise<{ folder: string; path: string }> {
  const folder = await copyTemplates();
  const path = join(folder, 'industries', 'finance.yaml');
  const text = await readFile(path, 'utf8');
  if (!text.includes(from)) throw new Error(`finance.yaml no longer holds ${JSON.stringify(from)}`);
  await writeFile(path, text.replace(from, to));
  return { folder, path };
}

describe('loadPlaybooks', () => {
  it('loads the four core industries and the common vocabulary', async () => {
    const set = await loadPlaybooks();
    expect([...set.playbooks.keys()]).toEqual(
      expect.arrayContaining(['finance', 'general', 'retail', 'tech']),
    );
    expect(set.common.tools.some((tool) => tool.name === 'MLflow')).toBe(true);
    expect(playbookFor(set, 'unknown').industry).toBe('general');
  });

  it('lets a user add an industry by adding a file', async () => {
    const folder = await copyTemplates();
    const general = await readFile(join(folder, 'industries', 'general.yaml'), 'utf8');
    await writeFile(
      join(folder, 'industries', 'health.yaml'),
      general.replace('industry: general', 'industry: health'),
    );
    const set = await loadPlaybooks(folder);
    expect(playbookFor(set, 'health').industry).toBe('health');
  });

  it('names the file and field of a malformed playbook', async () => {
    const folder = await copyTemplates();
    const path = join(folder, 'industries', 'tech.yaml');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace(/^dos:\n( {2}- .*\n)+/m, ''));
    await expect(loadPlaybooks(folder)).rejects.toMatchObject({
      code: 'playbook.invalid',
      file: path,
      field: 'dos',
      message: expect.stringContaining('dos is required'),
    });
  });

  it('refuses a phrase that needs a vocabulary list the playbook does not have, naming the phrase', async () => {
    const { folder, path } = await withFinanceEdit('needs: explainability,', 'needs: explainabilty,');
    await expect(loadPlaybooks(folder)).rejects.toMatchObject({
      code: 'playbook.invalid',
      file: path,
      message: expect.stringContaining('"explainabilty" is not one of this playbook\'s vocabulary lists'),
    });
  });

  it('refuses a phrase list with no plain sentence, so the drafter always has one to say', async () => {
    const { folder, path } = await withFinanceEdit(
      [
        '  closing:',
        '    - "I would be glad to talk about the role and what I can bring to {company}."',
        '    - "I would welcome a conversation about the role and the models your team is building."',
        '    - "I would be happy to walk you through any of this work in more detail."',
        '',
      ].join('\n'),
      '  closing:\n',
    );
    await expect(loadPlaybooks(folder)).rejects.toMatchObject({
      code: 'playbook.invalid',
      file: path,
      message: expect.stringContaining('needs at least one plain sentence'),
    });
  });

  it('reads the bundled employer list, and a folder’s own when it has one', async () => {
    expect((await loadPlaybooks()).employers.sectors.retail?.length).toBeGreaterThan(10);
    const folder = await copyTemplates();
    await writeFile(join(folder, 'employers.yaml'), 'sectors:\n  retail: [Fernway Grocers]\n');
    expect((await loadPlaybooks(folder)).employers.sectors).toEqual({ retail: ['Fernway Grocers'] });
  });

  it('requires every core industry and a file name that matches its industry', async () => {
    const folder = await copyTemplates();
    await rm(join(folder, 'industries', 'retail.yaml'));
    await expect(loadPlaybooks(folder)).rejects.toMatchObject({ code: 'playbook.missing' });
    const other = await copyTemplates();
    await cp(join(other, 'industries', 'tech.yaml'), join(other, 'industries', 'software.yaml'));
    await expect(loadPlaybooks(other)).rejects.toMatchObject({ code: 'playbook.name-mismatch' });
  });

  it.each([
    [
      'a vocabulary list the playbook lacks',
      ['vocabulary: explainability\n', 'vocabulary: explainabilty\n'],
      'rules[0].vocabulary',
      `rule finance-explainability: rules[0].vocabulary: "explainabilty" is not one of this playbook's vocabulary lists (explainability, regulatory, experimentalArchitecture, validation)`,
    ],
    [
      'an unknown kind',
      ['kind: mentions\n    vocabulary: explainability', 'kind: mention\n    vocabulary: explainability'],
      'rules[0].kind',
      "rule finance-explainability: rules[0].kind: Invalid discriminator value. Expected 'mentions' | 'avoids' | 'quantifies' | 'needs-companion' | 'caps-share'",
    ],
    [
      'a misspelt key',
      [
        '    fromProfile:\n      source: terms\n      count: 2',
        '    fromProfil:\n      source: terms\n      count: 2',
      ],
      'rules[0].fromProfil',
      'rule finance-explainability: unknown key "fromProfil" (did you mean "fromProfile"?) in rules[0]; remove it or fix its spelling',
    ],
    [
      'a slot the message does not have',
      ['({example}), next to the model', '({exampel}), next to the model'],
      'rules[0].message',
      'rule finance-explainability: rules[0].message: the only slots here are {example}',
    ],
    [
      'an id that does not name its industry',
      ['- id: finance-regulatory', '- id: fin-regulatory'],
      'rules[1].id',
      'rule fin-regulatory: rules[1].id: start the id with "finance-", so it names its industry and no other rule\'s id',
    ],
  ])(
    'names the file, the rule and the field of a rule with %s',
    async (_case, [from, to], field, message) => {
      const { path } = await withFinanceEdit(from as string, to as string);
      await expect(loadPlaybooks(dirname(dirname(path)))).rejects.toMatchObject({
        code: 'playbook.invalid',
        file: path,
        field,
        message: `${path}: ${message}`,
      });
    },
  );
});
