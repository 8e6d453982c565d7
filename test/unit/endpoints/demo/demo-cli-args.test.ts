import { describe, expect, it } from 'vitest';
import { parseDemoArgs } from '../../../../endpoints/demo/demo-cli-args';

describe('parseDemoArgs', () => {
  it('defaults to bad-deploy on 127.0.0.1:7400', () => {
    expect(parseDemoArgs([])).toEqual({
      port: 7400,
      host: '127.0.0.1',
      seed: undefined,
      scenario: 'bad-deploy',
    });
  });

  it('takes a scenario and a seed', () => {
    expect(parseDemoArgs(['--scenario', 'ring-rollout', '--seed', '9'])).toMatchObject({
      scenario: 'ring-rollout',
      seed: 9,
    });
  });

  it('refuses an unknown scenario, listing the names there are', () => {
    expect(() => parseDemoArgs(['--scenario', 'meteor'])).toThrow(
      'unknown scenario meteor: expected one of bad-deploy, load-spike, bad-flag, failing-build, ring-rollout',
    );
  });

  it('refuses a port or seed that is not a whole number in range', () => {
    expect(() => parseDemoArgs(['--port', '70000'])).toThrow(
      '--port 70000: expected a whole number from 0 to 65535',
    );
    expect(() => parseDemoArgs(['--seed', '-1'])).toThrow();
  });
});

describe('parseDemoArgs --action-ms', () => {
  it('takes how long each action runs', () => {
    expect(parseDemoArgs(['--action-ms', '8000'])).toMatchObject({ actionMs: 8000 });
  });

  it('refuses a duration that is not a whole number of milliseconds', () => {
    expect(() => parseDemoArgs(['--action-ms', '1.5'])).toThrow(
      '--action-ms 1.5: expected a whole number from 0 to 600000',
    );
  });
});
