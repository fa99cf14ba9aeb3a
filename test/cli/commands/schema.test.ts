import { describe, expect, it } from 'vitest';
import { runLede, temporaryFolder } from '../run-lede.js';

describe('lede schema profile', () => {
  it('prints the profile JSON Schema: required fields, fields with defaults optional, no extra keys', async () => {
    const run = await runLede(['schema', 'profile'], { cwd: await temporaryFolder() });
    const schema = JSON.parse(run.stdout);
    expect({
      exitCode: run.exitCode,
      dialect: schema.$schema,
      title: schema.title,
      type: schema.type,
      required: schema.required,
      additionalProperties: schema.additionalProperties,
      properties: Object.keys(schema.properties),
      level: schema.properties.level,
      achievementRequired: schema.properties.achievements.items.required,
    }).toEqual({
      exitCode: 0,
      dialect: 'https://json-schema.org/draft/2020-12/schema',
      title: 'lede profile',
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: [
        'name',
        'contact',
        'level',
        'headline',
        'achievements',
        'projects',
        'skills',
        'education',
        'certifications',
        'awards',
        'yearsOfExperience',
        'comparableTools',
      ],
      level: {
        default: 'experienced',
        type: 'string',
        enum: ['experienced', 'early-career', 'career-changer'],
        description:
          'experienced, early-career or career-changer; the last two must not claim production ML work the profile ' +
          'does not show.',
      },
      achievementRequired: ['id', 'did'],
    });
  });

  it('refuses an unknown schema name, exit 2', async () => {
    const run = await runLede(['schema', 'letter'], { cwd: await temporaryFolder() });
    expect(run).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        "error: command-argument value 'letter' is invalid for argument 'name'. Allowed choices are profile.\n(add --help for usage)\n",
    });
  });
});

describe('lede schema profile, for editor completion', () => {
  it('describes every field, at every depth', async () => {
    const run = await runLede(['schema', 'profile'], { cwd: await temporaryFolder() });
    const undescribed: string[] = [];
    const walk = (node: Record<string, unknown>, path: string): void => {
      const properties = (node.properties ?? {}) as Record<string, Record<string, unknown>>;
      for (const [key, child] of Object.entries(properties)) {
        if (typeof child.description !== 'string' || child.description === '')
          undescribed.push(`${path}${key}`);
        walk(child, `${path}${key}.`);
      }
      if (typeof node.items === 'object' && node.items !== null)
        walk(node.items as Record<string, unknown>, `${path.slice(0, -1)}[].`);
    };
    walk(JSON.parse(run.stdout), '');
    expect(undescribed).toEqual([]);
  });
});
