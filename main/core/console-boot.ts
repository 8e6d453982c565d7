// Starts a console the way both hosts need it: the endpoints saved in
// settings, those given with --endpoint, or else the embedded demo endpoint.
// The demo still runs behind a real loopback socket, so its path is the same.
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { startDemoEndpoint, type DemoEndpoint } from '../../endpoints/demo/demo-server';
import { isScenarioName } from '../../endpoints/demo/scenarios/scenario-registry';
import { SCENARIO_NAMES, type ScenarioName } from '../../endpoints/demo/scenarios/scenario';
import { OptionsError } from './console-options';
import { ConsoleCore, type ConsoleCoreOptions } from './console-core';
import type { ConsoleOptions } from './console-options';
import type { EndpointRegistry, EndpointSpec } from './links/endpoint-registry';
import type { SettingsStore } from './settings/settings-store';

export interface BootedConsole {
  core: ConsoleCore;
  demo: DemoEndpoint | undefined;
  stop(): Promise<void>;
}

export interface BootContext {
  clientVersion: string;
  settings?: SettingsStore;
  registry?: EndpointRegistry;
  /** The user-data folder: snapshots go in its `snapshots` subfolder. */
  userData?: string;
  core?: Partial<ConsoleCoreOptions>;
}

export async function bootConsole(
  options: Pick<ConsoleOptions, 'endpoints' | 'demo' | 'seed'> & Partial<ConsoleOptions>,
  context: BootContext,
): Promise<BootedConsole> {
  const saved = (await context.registry?.load()) ?? [];
  const cli: EndpointSpec[] = options.endpoints.map((url) => ({ url, source: 'cli' }));
  const wantDemo = options.demo && cli.length === 0 && saved.length === 0;
  const scenario = options.scenario === undefined ? undefined : checkScenario(options.scenario);
  const demo = wantDemo ? await startDemoEndpoint({ seed: options.seed, scenario }) : undefined;
  const demoSpec: EndpointSpec[] = demo ? [{ id: 'demo', url: demo.url, source: 'demo' }] : [];
  const operator = operatorName(context.settings);
  const core = new ConsoleCore({
    endpoints: [...demoSpec, ...saved, ...cli],
    clientVersion: context.clientVersion,
    registry: context.registry,
    profile: options.profile ?? 'operator',
    notices: context.settings?.notice ? [context.settings.notice] : [],
    operator: () => context.settings?.value.operator?.trim() || operator,
    settings: context.settings,
    ...(context.userData ? { snapshotDir: join(context.userData, 'snapshots') } : {}),
    kiosk: options.kiosk ?? false,
    ...context.core,
  });
  core.start();
  return {
    core,
    demo,
    stop: async () => {
      core.stop();
      await demo?.close();
    },
  };
}

/**
 * One name for the operator everywhere (audit, acknowledgements, annotations):
 * the one in settings, or else the OS user, written there once so the renderer,
 * which reads settings and cannot ask the OS, says the same.
 */
function operatorName(settings: SettingsStore | undefined): string {
  const saved = settings?.value.operator?.trim();
  if (saved) return saved;
  const user = osUser();
  try {
    settings?.update({ operator: user });
  } catch {
    // A read-only settings file: the core still uses the OS user.
  }
  return user;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'operator';
  }
}

function checkScenario(name: string): ScenarioName {
  if (isScenarioName(name)) return name;
  throw new OptionsError(`--scenario ${name}: expected one of ${SCENARIO_NAMES.join(', ')}`);
}
