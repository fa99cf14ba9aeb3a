// Rebuilds datasets/real-pages/pages/ from the public repositories named in datasets/real-pages/pages.tsv. The pages
// are not committed (their repositories grant no licence for them, see sources.md), so this fetches each file at its
// recorded commit and keeps it only if its git blob hash matches the one recorded: the measured page is the labelled one.
//
//   node scripts/fetch-real-pages.mjs                       # from GitHub (raw file at the commit)
//   node scripts/fetch-real-pages.mjs --mirror /work/.mirror # from local bare clones named <owner>+<name>/repo
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = new URL('../datasets/real-pages/', import.meta.url).pathname;
const mirrorIndex = process.argv.indexOf('--mirror');
const mirror = mirrorIndex < 0 ? undefined : process.argv[mirrorIndex + 1];

function blobHash(bytes) {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

async function download(repository, commit, path, blob) {
  if (mirror !== undefined) {
    const gitDir = join(mirror, repository.replace('/', '+'), 'repo');
    return execFileSync('git', ['--git-dir', gitDir, 'cat-file', 'blob', blob], { maxBuffer: 64 * 1024 * 1024 });
  }
  const response = await fetch(`https://raw.githubusercontent.com/${repository}/${commit}/${path}`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

mkdirSync(join(folder, 'pages'), { recursive: true });
const rows = readFileSync(join(folder, 'pages.tsv'), 'utf8').trim().split('\n').slice(1);
let failed = 0;
for (const row of rows) {
  const [id, repository, commit, path, blob] = row.split('\t');
  const target = join(folder, 'pages', `${id}.html`);
  if (existsSync(target) && blobHash(readFileSync(target)) === blob) {
    console.log(`${id}: present`);
    continue;
  }
  try {
    const bytes = await download(repository, commit, path, blob);
    if (blobHash(bytes) !== blob) throw new Error(`blob ${blobHash(bytes)} is not the recorded ${blob}`);
    writeFileSync(target, bytes);
    console.log(`${id}: fetched ${repository}@${commit.slice(0, 7)}:${path} (${bytes.length} bytes)`);
  } catch (error) {
    failed++;
    console.error(`${id}: not fetched (${error.message})`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
