import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledTemplatesFolder, loadPlaybooks, playbookFor } from '../../src/playbooks/load-playbooks.js';
import { newTemporaryFolder } from '../support/temporary-folder.js';

async function copyTemplates(): Promise<string> {
  const folder = await newTemporaryFolder('templates');
  await cp(bundledTemplatesFolder(), folder, { recursive: true });
  return folder;
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

  it('requires every core industry and a file name that matches its industry', async () => {
    const folder = await copyTemplates();
    await rm(join(folder, 'industries', 'retail.yaml'));
    await expect(loadPlaybooks(folder)).rejects.toMatchObject({ code: 'playbook.missing' });
    const other = await copyTemplates();
    await cp(join(other, 'industries', 'tech.yaml'), join(other, 'industries', 'software.yaml'));
    await expect(loadPlaybooks(other)).rejects.toMatchObject({ code: 'playbook.name-mismatch' });
  });
});
