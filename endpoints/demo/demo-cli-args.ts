// The demo endpoint's command line, checked before anything starts, so a
// typo gets a clear message instead of a different demo than intended.
import { parseArgs } from 'node:util';
import type { DemoEndpointOptions } from './demo-server';
import { scenarioNamed } from './scenarios/scenario-registry';

export const USAGE =
  'npm run demo-endpoint -- [--port 7400] [--host 127.0.0.1] [--seed N] [--scenario NAME] [--action-ms 1500]';

function parseWhole(raw: string | undefined, fallback: number, name: string, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) {
    throw new Error(`${name} ${raw}: expected a whole number from 0 to ${max}`);
  }
  return Number(raw);
}

export function parseDemoArgs(args: string[]): DemoEndpointOptions {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      host: { type: 'string' },
      scenario: { type: 'string' },
      /** How long each action takes, accepted to outcome: long enough for a control room to watch it. */
      'action-ms': { type: 'string' },
    },
  });
  return {
    port: parseWhole(values.port, 7400, '--port', 65535),
    seed: values.seed === undefined ? undefined : parseWhole(values.seed, 1, '--seed', 2 ** 32 - 1),
    host: values.host ?? '127.0.0.1',
    scenario: scenarioNamed(values.scenario).name,
    ...(values['action-ms'] === undefined
      ? {}
      : { actionMs: parseWhole(values['action-ms'], 1500, '--action-ms', 600_000) }),
  };
}
