import { describe, expect, it } from 'vitest';
import { findCompany } from '../../src/posting/find-company.js';
import { findRole } from '../../src/posting/find-role.js';

// Section rules of dashes, equals signs or stars, as job boards and plain-text exports draw them. A pattern with a
// nested quantifier once backtracked exponentially over such a line: `eval:holdout` hung on a posting with two
// 40-dash rules. Each reading must come back (within the suite's timeout) and still be right.
function ruled(rule: string): string {
  return [
    'Applied Scientist, Computer Vision',
    'Saltmarsh Beauty',
    '',
    rule,
    'ABOUT SALTMARSH',
    rule,
    'Saltmarsh Beauty is a specialty beauty retailer with 190 stores, an app and a website carrying 180 brands.',
    'Join Saltmarsh Beauty to build the shade matching models behind our app.',
  ].join('\n');
}

describe('a posting with long ruled lines', () => {
  for (const character of ['-', '=', '*', '_', '#', '>']) {
    it(`reads the role and the company past rules of ${character}`, () => {
      const text = ruled(character.repeat(400));
      expect({ role: findRole(text), company: findCompany(text) }).toEqual({
        role: 'Applied Scientist, Computer Vision',
        company: 'Saltmarsh Beauty',
      });
    });
  }
});
