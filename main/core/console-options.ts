// Command-line options shared by the desktop app and browser mode.
import { parseArgs } from 'node:util';
import {
  canonicalEndpointUrl,
  endpointUrlProblem,
  redactedEndpointUrl,
} from '../../shared/rules/endpoint-url';

export interface ConsoleOptions {
  endpoints: string[];
  demo: boolean;
  seed: number | undefined;
  port: number;
  host: string;
  /** `display`: read-only, no action controls anywhere (enforced in the main process). */
  profile: 'operator' | 'display';
  /** Folder for settings and the audit log in browser mode. */
  userData: string | undefined;
  /** Fullscreen, no chrome, reconnects by itself: for control-room screens. */
  kiosk: boolean;
  /** The embedded demo's scenario (bad-deploy, load-spike, bad-flag, failing-build, ring-rollout). */
  scenario: string | undefined;
}

export const DEFAULT_WEB_PORT = 7300;

export class OptionsError extends Error {}

/**
 * Parses our options. `tolerant` ignores options that are not ours, because
 * Electron and Chromium add their own switches to the desktop app's argv.
 */
export function parseConsoleOptions(argv: string[], tolerant = false): ConsoleOptions {
  const { values } = parseOurArgs(argv, tolerant);
  const endpoints = (asStrings(values.endpoint) ?? []).map(checkEndpointUrl);
  return {
    endpoints: [...new Set(endpoints)],
    demo: values.demo !== false && endpoints.length === 0,
    seed: values.seed === undefined ? undefined : toInteger('--seed', values.seed, 0, 2 ** 32 - 1),
    port: values.port === undefined ? DEFAULT_WEB_PORT : toInteger('--port', values.port, 0, 65535),
    host: typeof values.host === 'string' ? values.host : '127.0.0.1',
    profile: checkProfile(values.profile),
    userData: typeof values['user-data'] === 'string' ? values['user-data'] : undefined,
    kiosk: values.kiosk === true,
    scenario: typeof values.scenario === 'string' ? values.scenario : undefined,
  };
}

function checkProfile(raw: unknown): 'operator' | 'display' {
  if (raw === undefined || raw === 'operator' || raw === 'display') return raw ?? 'operator';
  throw new OptionsError(`--profile ${String(raw)}: expected operator or display`);
}

function parseOurArgs(argv: string[], tolerant: boolean) {
  try {
    return parseArgs({
      args: argv,
      strict: !tolerant,
      allowPositionals: true,
      allowNegative: true,
      options: {
        endpoint: { type: 'string', multiple: true },
        demo: { type: 'boolean', default: true },
        seed: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        profile: { type: 'string' },
        'user-data': { type: 'string' },
        kiosk: { type: 'boolean' },
        scenario: { type: 'string' },
      },
    });
  } catch (err) {
    // node:util reports unknown or malformed options as TypeErrors; say it is the user's input.
    throw new OptionsError((err as Error).message);
  }
}

function asStrings(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

/** An --endpoint URL, by the one endpoint URL rule the Connections form applies too. */
export function checkEndpointUrl(raw: string): string {
  const problem = endpointUrlProblem(raw);
  if (problem) throw new OptionsError(`--endpoint ${redactedEndpointUrl(raw)}: ${problem}`);
  return canonicalEndpointUrl(raw);
}

function toInteger(name: string, raw: unknown, min: number, max: number): number {
  const value = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || value < min || value > max) {
    throw new OptionsError(`${name} ${String(raw)}: expected a whole number from ${min} to ${max}`);
  }
  return value;
}
