import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Tests must never reach the network or a real key, whatever the developer's shell holds.
    env: { OPENAI_API_KEY: '', OPENAI_BASE_URL: '', LEDE_MODEL: '', LEDE_ENGINE: '' },
  },
});
