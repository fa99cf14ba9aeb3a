import { z } from 'zod';
import { ProfileSchema } from '../profile/profile-schema.js';

/** The JSON Schema of what a person writes in a profile file: fields with defaults are optional. */
export function profileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ProfileSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'lede profile',
    description: 'A candidate profile for lede: every number, employer and tool a letter may use.',
  };
}
