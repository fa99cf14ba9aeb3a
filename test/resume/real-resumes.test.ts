import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadResumeSet, realResumesFolder } from '../../src/evals/resumes/resume-set.js';
import { scoreResume } from '../../src/evals/resumes/score-resume.js';
import { readDocumentText } from '../../src/input/read-document.js';
import { loadPlaybooks } from '../../src/playbooks/load-playbooks.js';
import { parseProfile } from '../../src/profile/load-profile.js';
import { buildProfileDraft } from '../../src/resume/build-profile-draft.js';
import { renderDraftYaml } from '../../src/resume/render-draft-yaml.js';

const folder = join(import.meta.dirname, '..', '..', realResumesFolder);
const set = await loadResumeSet(folder);
const common = (await loadPlaybooks()).common;

describe('importing the real resumes', () => {
  it('holds at least twelve, a fifth of them holdout', () => {
    expect(set.length).toBeGreaterThanOrEqual(12);
    expect(set.filter((entry) => entry.split === 'holdout').length).toBe(Math.round(set.length / 5));
  });

  // Pointer-only resumes are fetched by rebuild.py; where they are absent (CI has no GitHub access) they are skipped.
  for (const { resume, label } of set) {
    const path = join(folder, 'files', resume.file);
    it.runIf(resume.committed || existsSync(path))(
      `${resume.id} (${resume.layout}): every value is in the resume, and the YAML loads`,
      async () => {
        const { text } = await readDocumentText(path, 'resume');
        const draft = buildProfileDraft(text, { tools: common.tools, methods: common.methods });
        expect(scoreResume(text, draft, label).invented).toEqual([]);
        if (draft.achievements.length + draft.projects.length > 0) {
          expect(() => parseProfile(parse(renderDraftYaml(draft, resume.file)), resume.id)).not.toThrow();
        }
      },
    );
  }
});
