import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { localSite } from '../support/local-site.js';
import { experiencedProfile, orbitlyPosting } from './examples.js';
import { runLede, temporaryFolder } from './run-lede.js';

const fixture = (name: string): Promise<string> =>
  readFile(new URL(`../fixtures/web-pages/${name}`, import.meta.url), 'utf8');

const offline = ['--engine', 'offline'];

describe('a posting from a web address', () => {
  it('lede classify reads the JobPosting data of the page, and says where it read it', async () => {
    const site = await localSite({ '/jobs/fraud': { body: await fixture('json-ld-page.html') } });
    const run = await runLede(['classify', site.url('/jobs/fraud'), '--json', ...offline], {
      cwd: await temporaryFolder(),
    });
    expect(run.exitCode).toBe(0);
    const reading = JSON.parse(run.stdout) as {
      source: string;
      company: string;
      role: string;
      industry: string;
    };
    expect(reading).toMatchObject({
      source: site.url('/jobs/fraud'),
      company: 'Orbitly Payments',
      industry: 'finance',
    });
    expect(reading.role).toBe('Machine Learning Engineer, Fraud');
    expect(run.stderr).toBe(
      `lede: fetched ${site.url('/jobs/fraud')}; read the page's JobPosting data (JSON-LD)\n`,
    );
  });

  it('lede draft writes the letter from the main content, reports the address as the source and the redirect', async () => {
    const site = await localSite({
      '/j/1': { status: 301, headers: { location: '/careers/ranking' }, body: '' },
      '/careers/ranking': { body: await fixture('board-page.html') },
    });
    const run = await runLede(['draft', site.url('/j/1'), '--profile', experiencedProfile, ...offline], {
      cwd: await temporaryFolder(),
    });
    expect(run.stderr.split('\n')[0]).toBe(
      `lede: fetched ${site.url('/j/1')} (redirected once, to ${site.url('/careers/ranking')}); read the page's main content`,
    );
    expect(run.stderr).toContain(`# Report: ${site.url('/j/1')}`);
    expect(run.stdout).toContain('Lumenfold');
    expect(run.stdout).not.toMatch(/Google|ten years/);
    // Only the page was asked for: nothing about the candidate travels with the request.
    expect(site.requests.map((request) => request.path)).toEqual(['/j/1', '/careers/ranking']);
  });

  it('a 404 is an input error naming the address, the status and what to do (exit 2)', async () => {
    const site = await localSite({});
    const run = await runLede(['draft', site.url('/closed'), '--profile', experiencedProfile, ...offline], {
      cwd: await temporaryFolder(),
    });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      [
        `error: ${site.url('/closed')} answered HTTP 404 Not Found: the page is not there (the posting may have closed)`,
        '  hint: open it in a browser, save the page (or its text) and pass the file',
        '',
      ].join('\n'),
    );
  });

  it('a page that scripts would fill in is refused as too short, saying why and what to do', async () => {
    const site = await localSite({
      '/job/42': {
        body: '<html><body><div id="root"></div><nav>Skip to content</nav><script src="/app.js"></script></body></html>',
      },
    });
    const run = await runLede(['classify', site.url('/job/42'), ...offline], {
      cwd: await temporaryFolder(),
    });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      `error: ${site.url('/job/42')} has only 3 words; that is not enough to tailor a letter (the page may be built by scripts, which lede does not run)`,
    );
    expect(run.stderr).toContain(`hint: open ${site.url('/job/42')} in a browser, then save the page`);
  });

  it('takes the timeout from --fetch-timeout-ms, and refuses other schemes', async () => {
    const site = await localSite({ '/slow': () => {} });
    const cwd = await temporaryFolder();
    const slow = await runLede(['classify', site.url('/slow'), '--fetch-timeout-ms', '1000', ...offline], {
      cwd,
    });
    expect(slow.exitCode).toBe(2);
    expect(slow.stderr).toContain(`error: ${site.url('/slow')} did not answer within 1 s`);
    const ftp = await runLede(['classify', 'ftp://jobs.example/1.txt', ...offline], { cwd });
    expect(ftp.stderr).toContain(
      'error: ftp://jobs.example/1.txt: lede fetches only http:// and https:// addresses',
    );
  });
});

describe('a posting from standard input (-)', () => {
  it('lede draft - reads the piped posting and names it stdin', async () => {
    const run = await runLede(['draft', '-', '--profile', experiencedProfile, ...offline], {
      cwd: await temporaryFolder(),
      stdin: Readable.from([await readFile(orbitlyPosting)]),
    });
    expect(run.stderr).toContain('# Report: stdin');
    expect(run.stdout).toContain('Orbitly');
  });

  it('a terminal with nothing piped in gets a hint instead of a wait', async () => {
    const run = await runLede(['classify', '-', ...offline], {
      cwd: await temporaryFolder(),
      stdin: Object.assign(Readable.from([]), { isTTY: true }),
    });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      'error: - reads the posting from standard input, but nothing is piped in (standard input is the terminal)',
    );
  });

  it('lede check reads the letter from - too, but not the letter and the posting both', async () => {
    const cwd = await temporaryFolder();
    const letter =
      'Dear Hiring Manager,\n\nI cut inference latency by 40% at Streamline.\n\nBest,\nPriya Raman\n';
    const piped = await runLede(['check', '-', '--posting', orbitlyPosting], {
      cwd,
      stdin: Readable.from([letter]),
    });
    expect(piped.stdout).toContain('stdin');
    expect(piped.exitCode).toBeLessThan(2);
    const twice = await runLede(['check', '-', '--posting', '-'], { cwd, stdin: Readable.from([letter]) });
    expect(twice.exitCode).toBe(2);
    expect(twice.stderr).toBe(
      [
        'error: - (standard input) is given for more than one input',
        '  hint: pipe in one of them and pass the others as files',
        '',
      ].join('\n'),
    );
  });
});
