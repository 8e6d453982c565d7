// Command-line options shared by the desktop app and browser mode. One table
// (CONSOLE_OPTIONS) generates both the parser and the --help text, so an
// option cannot exist without being documented, or the other way round.
import { parseArgs } from 'node:util';
import { SCENARIO_NAMES } from '../../endpoints/demo/scenarios/scenario';
import {
  canonicalEndpointUrl,
  endpointUrlProblem,
  redactedEndpointUrl,
} from '../../shared/rules/endpoint-url';
import { defaultUserDataDir } from './settings/user-data-dir';

export interface ConsoleOptions {
  endpoints: string[];
  demo: boolean;
  seed: number | undefined;
  port: number;
  host: string;
  /** `display`: read-only, no action controls anywhere (enforced in the main process). */
  profile: 'operator' | 'display';
  /** Folder for settings, tokens, snapshots and the audit log. */
  userData: string | undefined;
  /** Fullscreen, no chrome, reconnects by itself: for control-room screens. */
  kiosk: boolean;
  /** The embedded demo's scenario (bad-deploy, load-spike, bad-flag, failing-build, ring-rollout). */
  scenario: string | undefined;
}

export const DEFAULT_WEB_PORT = 7300;

/** Which program reads an option: the desktop app (`npm start`) and/or browser mode (`npm run web`). */
export type ConsoleHost = 'desktop' | 'browser';

export interface OptionSpec {
  name: string;
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** `--no-NAME` is accepted too. */
  negatable?: boolean;
  /** The placeholder shown in the help: `--port N`. */
  value?: string;
  hosts: readonly ConsoleHost[];
  help: string;
}

const BOTH: readonly ConsoleHost[] = ['desktop', 'browser'];

export const CONSOLE_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'endpoint',
    type: 'string',
    multiple: true,
    value: 'URL',
    hosts: BOTH,
    help: 'watch this ws:// or wss:// endpoint (repeatable); giving one turns the embedded demo off',
  },
  {
    name: 'demo',
    type: 'boolean',
    negatable: true,
    hosts: BOTH,
    help: 'the embedded demo endpoint is on when no endpoint is given; --no-demo starts without it',
  },
  {
    name: 'seed',
    type: 'string',
    value: 'N',
    hosts: BOTH,
    help: 'make the embedded demo replay the same day (a whole number, 0 to 4294967295)',
  },
  {
    name: 'scenario',
    type: 'string',
    value: 'NAME',
    hosts: BOTH,
    help: `the embedded demo's practice incident: ${SCENARIO_NAMES.join(', ')} (default bad-deploy)`,
  },
  {
    name: 'profile',
    type: 'string',
    value: 'NAME',
    hosts: BOTH,
    help: 'operator (default) or display: a read-only wall with no action controls',
  },
  {
    name: 'kiosk',
    type: 'boolean',
    hosts: BOTH,
    help: 'fullscreen, no window chrome: for control-room screens',
  },
  {
    name: 'user-data',
    type: 'string',
    value: 'DIR',
    hosts: BOTH,
    help: `folder for settings, tokens, snapshots and the audit log (default ${defaultUserDataDir()})`,
  },
  {
    name: 'port',
    type: 'string',
    value: 'N',
    hosts: ['browser'],
    help: `port to serve the wall on, on 127.0.0.1 (default ${DEFAULT_WEB_PORT}; 0 picks a free one)`,
  },
  {
    name: 'host',
    type: 'string',
    value: 'ADDRESS',
    hosts: ['browser'],
    help: 'address to bind instead of 127.0.0.1 (prints a warning: the token is then all that guards it)',
  },
  { name: 'help', type: 'boolean', short: 'h', hosts: BOTH, help: 'print this help and exit' },
];

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

/** True when argv asks for --help (or -h): checked before anything else is validated. */
export function wantsHelp(argv: string[]): boolean {
  return parseOurArgs(argv, true).values.help === true;
}

/** The --help text for one host, generated from CONSOLE_OPTIONS. */
export function consoleHelpText(host: ConsoleHost): string {
  const usage =
    host === 'desktop'
      ? 'Usage: npm start -- [options]   (the desktop app; browser mode where Electron is unavailable)'
      : 'Usage: npm run web -- [options]   (browser mode: prints the address to open)';
  const rows = CONSOLE_OPTIONS.filter((option) => option.hosts.includes(host)).map((option) => [
    optionLabel(option),
    option.help,
  ]);
  const width = Math.max(...rows.map(([label]) => label?.length ?? 0));
  const lines = rows.map(([label = '', help]) => `  ${label.padEnd(width)}  ${help}`);
  return [usage, '', 'Options:', ...lines, '', ...FILES_NOTE[host], ''].join('\n');
}

/** Where the console keeps its files: the README says the same per platform. */
const FILES_NOTE: Record<ConsoleHost, string[]> = {
  desktop: [
    'Where the Electron binary is unavailable, npm start runs browser mode (see npm run web -- --help).',
    '',
    'Files (in the --user-data folder): settings.json, audit.jsonl (the action audit log),',
    "snapshots/, and secrets/ (endpoint tokens, encrypted with the OS keyring through Electron's safeStorage).",
  ],
  browser: [
    'Files (in the --user-data folder, the same one the desktop app uses): settings.json,',
    'audit.jsonl (the action audit log) and snapshots/. Browser mode has no OS keyring:',
    'endpoint tokens are kept for the session only, never written to disk.',
  ],
};

function optionLabel(option: OptionSpec): string {
  const names = [
    ...(option.short ? [`-${option.short}`] : []),
    `--${option.name}`,
    ...(option.negatable ? [`--no-${option.name}`] : []),
  ];
  return `${names.join(', ')}${option.value ? ` ${option.value}` : ''}`;
}

function checkProfile(raw: unknown): 'operator' | 'display' {
  if (raw === undefined || raw === 'operator' || raw === 'display') return raw ?? 'operator';
  throw new OptionsError(`--profile ${String(raw)}: expected operator or display`);
}

const parserOptions = Object.fromEntries(
  CONSOLE_OPTIONS.map((option) => [
    option.name,
    {
      type: option.type,
      ...(option.short ? { short: option.short } : {}),
      ...(option.multiple ? { multiple: true } : {}),
    },
  ]),
);

function parseOurArgs(argv: string[], tolerant: boolean) {
  try {
    return parseArgs({
      args: argv,
      strict: !tolerant,
      allowPositionals: true,
      allowNegative: true,
      options: parserOptions,
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
