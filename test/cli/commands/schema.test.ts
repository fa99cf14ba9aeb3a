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
        'comparableTools',
      ],
      level: {
        default: 'experienced',
        type: 'string',
        enum: ['experienced', 'early-career', 'career-changer'],
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
