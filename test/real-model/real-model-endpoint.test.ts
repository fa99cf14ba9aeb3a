import { describe, expect, it } from 'vitest';
import { realModelPlan } from '../support/real-model/real-model-endpoint.js';

describe('realModelPlan', () => {
  it('skips the real-model tests without an endpoint, saying why and how to make that a failure', () => {
    expect(realModelPlan({}, true)).toEqual({
      kind: 'skip',
      reason:
        'no model endpoint: LEDE_REAL_MODEL_BASE_URL is unset (npm run check:real-model starts one); ' +
        'set LEDE_REQUIRE_REAL_MODEL=1 to make that a failure',
    });
  });

  it('fails them where LEDE_REQUIRE_REAL_MODEL=1 (CI), or when lede is not built', () => {
    expect(() => realModelPlan({ LEDE_REQUIRE_REAL_MODEL: '1' }, true)).toThrow(
      'LEDE_REQUIRE_REAL_MODEL=1, but no model endpoint: LEDE_REAL_MODEL_BASE_URL is unset',
    );
    expect(() =>
      realModelPlan(
        { LEDE_REQUIRE_REAL_MODEL: '1', LEDE_REAL_MODEL_BASE_URL: 'http://127.0.0.1:9/v1' },
        false,
      ),
    ).toThrow(/dist\/src\/cli\/main\.js is missing \(run npm run build\)/);
  });

  it('runs them against the named endpoint, with its request log only for the test server', () => {
    const env = {
      LEDE_REAL_MODEL_BASE_URL: 'http://127.0.0.1:8080/v1',
      LEDE_REAL_MODEL_NAME: 'smollm2-135m-instruct',
      LEDE_REAL_MODEL_API_KEY: 'local-key',
    };
    expect(realModelPlan(env, true)).toEqual({
      kind: 'run',
      endpoint: {
        baseUrl: env.LEDE_REAL_MODEL_BASE_URL,
        model: env.LEDE_REAL_MODEL_NAME,
        apiKey: 'local-key',
        statsUrl: undefined,
      },
    });
    expect(
      realModelPlan({ ...env, LEDE_REAL_MODEL_STATS_URL: 'http://127.0.0.1:8080/stats' }, true),
    ).toMatchObject({
      endpoint: { statsUrl: 'http://127.0.0.1:8080/stats' },
    });
    expect(() => realModelPlan({ LEDE_REAL_MODEL_BASE_URL: 'http://127.0.0.1:8080/v1' }, true)).toThrow(
      'LEDE_REAL_MODEL_BASE_URL is set: set LEDE_REAL_MODEL_NAME to the model it serves',
    );
  });
});
