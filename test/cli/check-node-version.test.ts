import { describe, expect, it } from 'vitest';
import { checkNodeVersion } from '../../src/cli/check-node-version.js';

describe('checkNodeVersion', () => {
  it('lets Node 22.12 and anything newer through', () => {
    expect(checkNodeVersion('22.12.0')).toBeUndefined();
    expect(checkNodeVersion('22.23.3')).toBeUndefined();
    expect(checkNodeVersion('23.0.0')).toBeUndefined();
    expect(checkNodeVersion('v24.1.0')).toBeUndefined();
  });

  it('refuses an older Node in one line: what runs, what lede needs, how to get it', () => {
    const message = checkNodeVersion('20.20.2');
    expect(message).toBe(
      'lede: this is Node 20.20.2; lede needs Node 22.12 or newer. Install it with `nvm install 22`, ' +
        '`fnm install 22` or from https://nodejs.org; in a clone of lede, `npm run lede -- <command>` fetches it ' +
        'for you.',
    );
    expect(message).not.toContain('\n');
  });

  it('compares the minor version within 22', () => {
    expect(checkNodeVersion('22.11.0')).toContain('this is Node 22.11.0');
    expect(checkNodeVersion('v21.7.3')).toContain('this is Node 21.7.3');
  });

  it('lets a version it cannot read through rather than refuse wrongly', () => {
    expect(checkNodeVersion('')).toBeUndefined();
    expect(checkNodeVersion('nightly')).toBeUndefined();
  });
});
