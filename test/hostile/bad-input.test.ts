import { mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-code.js';
import { temporaryFolder } from '../cli/run-lede.js';
import {
  cleanPosting,
  editedTemplates,
  expectNoStackTrace,
  hostile,
  lede,
  rewrite,
  validProfile,
} from './support/hostile.js';

interface Refusal {
  /** The fixture (or a path the case builds). */
  readonly path: string;
  /** Every line lede prints on stderr: the message naming file and field or line, then the fix. */
  readonly stderr: string[];
}

function draftPosting(path: string): string[] {
  return ['draft', path, '--profile', validProfile, '--engine', 'offline'];
}

async function expectRefusal(argv: string[], expected: Refusal): Promise<void> {
  const run = await lede(argv);
  expect({ exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr.trimEnd().split('\n') }).toEqual({
    exitCode: ExitCode.badInput,
    stdout: '',
    stderr: expected.stderr,
  });
  expectNoStackTrace(run.stderr);
}

const posting = (name: string): string => hostile(`postings/${name}`);
const profile = (name: string): string => hostile(`profiles/${name}`);
const profileHint =
  '  hint: see `lede init` for a commented example, or `lede schema profile` for the JSON Schema';

describe('a posting lede cannot use (offline) is refused with the file, the reason and the fix (exit 2)', () => {
  const cases: [string, Refusal][] = [
    [
      'an empty file',
      {
        path: posting('empty.txt'),
        stderr: [
          `error: ${posting('empty.txt')} has no text`,
          '  hint: paste the job posting into the file (title, company, responsibilities)',
        ],
      },
    ],
    [
      'whitespace only',
      {
        path: posting('whitespace-only.txt'),
        stderr: [
          `error: ${posting('whitespace-only.txt')} has no text`,
          '  hint: paste the job posting into the file (title, company, responsibilities)',
        ],
      },
    ],
    [
      'a binary file',
      {
        path: posting('binary.txt'),
        stderr: [
          `error: ${posting('binary.txt')} looks like a binary file, not text`,
          '  hint: save the posting as plain text (.txt, .md, .html)',
        ],
      },
    ],
    [
      'a PDF saved as .txt',
      {
        path: posting('pdf-saved-as-text.txt'),
        stderr: [
          `error: ${posting('pdf-saved-as-text.txt')} is a PDF document, not a text file`,
          '  hint: copy the text out of the PDF, then save the posting as plain text (.txt, .md, .html)',
        ],
      },
    ],
    [
      'a Word document saved as .txt',
      {
        path: posting('word-document.txt'),
        stderr: [
          `error: ${posting('word-document.txt')} is a zip archive (a Word .docx or OpenDocument file is one), not a text file`,
          '  hint: open it and copy its text, or "Save as" plain text, then save the posting as plain text (.txt, .md, .html)',
        ],
      },
    ],
    [
      'an unsupported extension',
      {
        path: posting('job-posting.odt'),
        stderr: [
          `error: ${posting('job-posting.odt')}: lede cannot read .odt files; it reads .txt, .md, .html, .htm, .pdf, .docx postings`,
          '  hint: save the posting as plain text, Markdown, HTML, PDF or Word .docx',
        ],
      },
    ],
    [
      'a posting that is only careers-page boilerplate',
      {
        path: posting('boilerplate-only.txt'),
        stderr: [
          `error: ${posting('boilerplate-only.txt')} holds only careers-page boilerplate (equal-opportunity, cookie and privacy notices, buttons), not the job`,
          '  hint: copy the part of the page that describes the role and the team, not the page footer',
        ],
      },
    ],
    [
      'a Markdown page of links and notices',
      {
        path: posting('markdown-only-links.md'),
        stderr: [
          `error: ${posting('markdown-only-links.md')} holds only careers-page boilerplate (equal-opportunity, cookie and privacy notices, buttons), not the job`,
          '  hint: copy the part of the page that describes the role and the team, not the page footer',
        ],
      },
    ],
    [
      'a posting in German',
      {
        path: posting('german.txt'),
        stderr: [
          `error: ${posting('german.txt')} looks like it is written in German; the offline engine reads and writes English only`,
          "  hint: use the English version of the posting if the company publishes one, or draft with a model (--engine openai), which writes in the posting's language",
        ],
      },
    ],
    [
      'a posting in Japanese',
      {
        path: posting('japanese.txt'),
        stderr: [
          `error: ${posting('japanese.txt')} looks like it is written in Japanese; the offline engine reads and writes English only`,
          "  hint: use the English version of the posting if the company publishes one, or draft with a model (--engine openai), which writes in the posting's language",
        ],
      },
    ],
    [
      'a posting too short to tailor to',
      {
        path: posting('too-short.txt'),
        stderr: [
          `error: ${posting('too-short.txt')} has only 7 words; that is not enough to tailor a letter`,
          '  hint: paste the whole job posting (at least 25 words: the role, the company, what the team does)',
        ],
      },
    ],
    [
      'a posting that does not exist',
      {
        path: posting('no-such-posting.txt'),
        stderr: [
          `error: the posting ${posting('no-such-posting.txt')} does not exist`,
          '  hint: check the path and its spelling',
        ],
      },
    ],
    [
      'a folder passed as a posting',
      {
        path: hostile('postings'),
        stderr: [
          `error: ${hostile('postings')} is a folder, not a posting file`,
          '  hint: pass a file, or use `lede batch` for a folder of postings',
        ],
      },
    ],
  ];

  for (const [name, refusal] of cases) {
    it(name, async () => {
      await expectRefusal(draftPosting(refusal.path), refusal);
    });
  }

  it('a 10 MB posting, refused without reading it', async () => {
    const path = join(await temporaryFolder(), 'huge posting.txt');
    await writeFile(path, '');
    await truncate(path, 10 * 1024 * 1024);
    await expectRefusal(draftPosting(path), {
      path,
      stderr: [
        `error: ${path} is 10.0 MB; a posting should be a few KB`,
        "  hint: save only the posting's text (max 2 MB)",
      ],
    });
  });

  it('a symbolic link loop', async () => {
    const folder = await temporaryFolder();
    await symlink(join(folder, 'b.txt'), join(folder, 'a.txt'));
    await symlink(join(folder, 'a.txt'), join(folder, 'b.txt'));
    await expectRefusal(draftPosting(join(folder, 'a.txt')), {
      path: join(folder, 'a.txt'),
      stderr: [
        `error: ${join(folder, 'a.txt')} is a symbolic link that points back to itself`,
        '  hint: point the link at a real file, or pass the file itself',
      ],
    });
  });
});

/** Mojibake (Ã©, â€™), replacement characters, NULs, escapes or leftover markup in a letter. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const oddCharacters = /[ÃâÂ\ufffd\u0000-\u0008\u000b-\u001f\u200b-\u200f\u202a-\u202e]|<\/?[a-z]+[ >]/g;

describe('a posting in an awkward but readable form still gets its letter', () => {
  const readable: [string, string][] = [
    ['Latin-1 (Windows-1252)', 'latin1.txt'],
    ['UTF-16 with a BOM', 'utf16-bom.txt'],
    ['UTF-16 big-endian with a BOM', 'utf16-be-bom.txt'],
    ['UTF-16 without a BOM', 'utf16-no-bom.txt'],
    ['UTF-8 with a BOM', 'utf8-bom.txt'],
    ['Windows line endings', 'crlf-windows.txt'],
    ['invisible and terminal control characters', 'invisible-characters.txt'],
    ['HTML with scripts and styles', 'scripts-and-styles.html'],
  ];
  for (const [name, file] of readable) {
    it(name, async () => {
      const run = await lede([...draftPosting(posting(file)), '--json']);
      const result = JSON.parse(run.stdout) as { letter: string; analysis: { company: string | null } };
      expect({
        exitCode: run.exitCode,
        stderr: run.stderr,
        company: result.analysis.company,
        oddCharacters: result.letter.match(oddCharacters),
        scriptText: /Tracking pixel|never ends|window\.analytics|JobPosting/.test(run.stdout),
      }).toEqual({
        exitCode: run.exitCode === 0 ? 0 : 1,
        stderr: '',
        company: expect.stringMatching(/^Lanternfish/),
        oddCharacters: null,
        scriptText: false,
      });
      expect(result.letter).toContain('Tidewater');
    });
  }

  it('a file name with spaces, unicode and ".." in it', async () => {
    const folder = join(await temporaryFolder(), 'offres d’emploi', 'sub');
    await mkdir(folder, { recursive: true });
    const path = join(folder, 'Senior ML..Engineer – Zürich (v2).txt');
    await writeFile(path, await import('node:fs/promises').then(({ readFile }) => readFile(cleanPosting)));
    const out = join(folder, '..', 'letters', 'Lanternfish ✓ letter.md');
    const run = await lede([
      ...draftPosting(join(folder, '..', 'sub', 'Senior ML..Engineer – Zürich (v2).txt')),
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^(passed|passed-after-revision|failed): wrote .*Lanternfish ✓ letter\.md/);
  });
});

describe('a profile lede cannot use is refused with the file, the line, the field and the fix (exit 2)', () => {
  const cases: [string, string, string[]][] = [
    [
      'a YAML syntax error',
      'yaml-syntax-error.yaml',
      [
        `error: ${profile('yaml-syntax-error.yaml')}:5: invalid YAML: Nested mappings are not allowed in compact mappings`,
        '  5 | did: moved ranking to real-time serving: the whole thing',
        '  hint: quote text that contains ": " (for example did: "moved ranking: the whole thing")',
      ],
    ],
    [
      'a JSON syntax error',
      'json-syntax-error.json',
      [
        `error: ${profile('json-syntax-error.json')}:4: invalid JSON (Expected double-quoted property name in JSON at position 154 (line 4 column 109))`,
        '  4 | ...l-time serving", "result": "cut latency by 45%", }',
        '  hint: fix the JSON syntax (a trailing comma or a missing quote is the usual cause), or write the file as YAML',
      ],
    ],
    [
      'tabs for indentation',
      'tab-indented.yaml',
      [
        `error: ${profile('tab-indented.yaml')}:3: invalid YAML: Tabs are not allowed as indentation`,
        '  3 | - id: ranking-latency',
        '  hint: indent with spaces, not tabs',
      ],
    ],
    [
      'a key written twice',
      'duplicate-yaml-keys.yaml',
      [
        `error: ${profile('duplicate-yaml-keys.yaml')}:2: invalid YAML: Map keys must be unique`,
        '  2 | name: Samuel Okafor',
        '  hint: a key appears twice in the same block: keep one of them',
      ],
    ],
    [
      'an alias bomb',
      'alias-bomb.yaml',
      [
        `error: ${profile('alias-bomb.yaml')}: its anchors and aliases (&name, *name) expand to far more data than a profile holds`,
        '  hint: remove the anchors and aliases (&name, *name): write the values out',
      ],
    ],
    [
      'a wrong type',
      'wrong-type.yaml',
      [
        `error: ${profile('wrong-type.yaml')}:8: achievements[0].tools must be a list (got a string)`,
        profileHint,
      ],
    ],
    [
      'a missing required field',
      'missing-required-field.yaml',
      [`error: ${profile('missing-required-field.yaml')}:1: name is required (expected string)`, profileHint],
    ],
    [
      "a missing achievement's required field",
      'missing-achievement-did.yaml',
      [
        `error: ${profile('missing-achievement-did.yaml')}:3: achievements[0].did is required (expected string)`,
        profileHint,
      ],
    ],
    [
      'an unknown key (a typo)',
      'unknown-key-typo.yaml',
      [
        `error: ${profile('unknown-key-typo.yaml')}:2: unknown key "achievments" (did you mean "achievements"?) at the top level; remove it or fix its spelling; achievements: the profile has no achievements or projects; lede writes only from what you list, so add at least one (see \`lede init\`)`,
        profileHint,
      ],
    ],
    [
      'an unknown key inside an achievement',
      'unknown-nested-key.yaml',
      [
        `error: ${profile('unknown-nested-key.yaml')}:9: unknown key "metircs" (did you mean "metrics"?) in achievements[0]; remove it or fix its spelling`,
        '  field: achievements[0].metircs',
        profileHint,
      ],
    ],
    [
      'duplicate achievement ids',
      'duplicate-achievement-ids.yaml',
      [
        `error: ${profile('duplicate-achievement-ids.yaml')}:9: achievements[1].id: id "ranking-latency" is already used at achievements.0; give every achievement and project its own id`,
        profileHint,
      ],
    ],
    [
      'an id that is not kebab-case',
      'bad-achievement-id.yaml',
      [
        `error: ${profile('bad-achievement-id.yaml')}:3: achievements[0].id: use lowercase letters, digits and dashes, e.g. "churn-model"`,
        profileHint,
      ],
    ],
    [
      'no achievements',
      'no-achievements.yaml',
      [
        `error: ${profile('no-achievements.yaml')}:3: achievements: the profile has no achievements or projects; lede writes only from what you list, so add at least one (see \`lede init\`)`,
        profileHint,
      ],
    ],
    [
      'a list instead of a mapping',
      'not-a-mapping.yaml',
      [
        `error: ${profile('not-a-mapping.yaml')}: a profile must be a mapping of fields (name, achievements, ...)`,
        '  hint: run `lede init` to write a commented starter profile',
      ],
    ],
    [
      'an empty file',
      'empty.yaml',
      [
        `error: ${profile('empty.yaml')} is empty`,
        '  hint: run `lede init` to write a commented starter profile',
      ],
    ],
    [
      'a __proto__ key',
      'prototype-key.yaml',
      [
        `error: ${profile('prototype-key.yaml')}:2: unknown key "__proto__" at the top level; remove it or fix its spelling`,
        profileHint,
      ],
    ],
    [
      'an executable YAML tag, kept as an inert string',
      'custom-tag.yaml',
      [`error: ${profile('custom-tag.yaml')}:2: skills must be a list (got a string)`, profileHint],
    ],
  ];

  for (const [name, file, stderr] of cases) {
    it(name, async () => {
      await expectRefusal(['draft', cleanPosting, '--profile', profile(file), '--engine', 'offline'], {
        path: profile(file),
        stderr,
      });
    });
  }
});

describe('a playbook folder lede cannot use is refused (exit 2)', () => {
  it('a playbook with a missing section names the file and the section', async () => {
    const templates = await editedTemplates((folder) =>
      rewrite(join(folder, 'industries', 'tech.yaml'), (text) => text.replace(/^dos:\n(?: {2}.*\n)+/m, '')),
    );
    const file = join(templates, 'industries', 'tech.yaml');
    const run = await lede([...draftPosting(cleanPosting), '--templates', templates]);
    expect({ exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr.trimEnd().split('\n') }).toEqual({
      exitCode: ExitCode.badInput,
      stdout: '',
      stderr: [
        `error: ${file}: dos is required (expected array)`,
        expect.stringMatching(/^ {2}hint: compare with the bundled playbooks in .*templates$/),
      ],
    });
  });

  it('a templates folder without one of the core industries', async () => {
    const { rm } = await import('node:fs/promises');
    const templates = await editedTemplates((folder) => rm(join(folder, 'industries', 'retail.yaml')));
    const run = await lede([...draftPosting(cleanPosting), '--templates', templates]);
    expect({ exitCode: run.exitCode, first: run.stderr.split('\n')[0] }).toEqual({
      exitCode: ExitCode.badInput,
      first: `error: ${join(templates, 'industries')} has no retail.yaml playbook`,
    });
    expectNoStackTrace(run.stderr);
  });
});

describe('lede check: a letter file lede cannot use (exit 2)', () => {
  it('a letter that does not exist', async () => {
    const missing = hostile('injected-letters/no-such-letter.md');
    await expectRefusal(['check', missing, '--posting', cleanPosting], {
      path: missing,
      stderr: [`error: the letter ${missing} does not exist`, '  hint: check the path and its spelling'],
    });
  });

  it('an empty letter', async () => {
    const path = join(await temporaryFolder(), 'letter.md');
    await writeFile(path, '\n\n');
    await expectRefusal(['check', path], {
      path,
      stderr: [`error: ${path} is empty`, '  hint: write or paste the letter into it'],
    });
  });
});

describe('--verbose', () => {
  it('adds the stack trace that is otherwise never shown', async () => {
    const quiet = await lede(draftPosting(posting('empty.txt')));
    const verbose = await lede(['--verbose', ...draftPosting(posting('empty.txt'))]);
    expectNoStackTrace(quiet.stderr);
    expect({ quiet: quiet.exitCode, verbose: verbose.exitCode }).toEqual({ quiet: 2, verbose: 2 });
    expect(verbose.stderr).toContain(quiet.stderr.trimEnd());
    expect(verbose.stderr).toMatch(/^\s+at .+[(:]\d+/m);
  });
});

describe('lede classify over several postings', () => {
  it('reports each bad posting on its own line with the fix, classifies the others, and exits 2', async () => {
    const run = await lede([
      'classify',
      cleanPosting,
      posting('empty.txt'),
      posting('german.txt'),
      posting('latin1.txt'),
      '--json',
      '--engine',
      'offline',
    ]);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { source: string; company?: string; error?: { code: string; hint: string } },
      );
    expect({
      exitCode: run.exitCode,
      lines: lines.map((line) => [
        line.source,
        line.company ?? null,
        line.error?.code ?? null,
        line.error?.hint ?? null,
      ]),
    }).toEqual({
      exitCode: ExitCode.badInput,
      lines: [
        [cleanPosting, expect.stringMatching(/^Lanternfish/), null, null],
        [
          posting('empty.txt'),
          null,
          'posting.empty',
          'paste the job posting into the file (title, company, responsibilities)',
        ],
        [
          posting('german.txt'),
          null,
          'posting.not-english',
          "use the English version of the posting if the company publishes one, or draft with a model (--engine openai), which writes in the posting's language",
        ],
        [posting('latin1.txt'), expect.stringMatching(/^Lanternfish/), null, null],
      ],
    });
  });
});
