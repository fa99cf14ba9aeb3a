import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Tests assert behaviour, not speed (npm run bench measures speed): on a loaded two-core machine a CLI test that
    // spawns a batch can take several seconds, and 5 s made them fail for being slow, not wrong.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Tests must never reach the network or a real key, whatever the developer's shell holds.
    env: { OPENAI_API_KEY: '', OPENAI_BASE_URL: '', LEDE_MODEL: '', LEDE_ENGINE: '' },
  },
});
