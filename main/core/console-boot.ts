// Starts a console the way both hosts need it: the given endpoints, or the
// embedded demo endpoint when none are given. The demo still runs behind a
// real loopback socket, so the path is the same as for any endpoint.
import { startDemoEndpoint, type DemoEndpoint } from '../../endpoints/demo/demo-server';
import { ConsoleCore } from './console-core';
import type { ConsoleOptions } from './console-options';

export interface BootedConsole {
  core: ConsoleCore;
  demo: DemoEndpoint | undefined;
  stop(): Promise<void>;
}

export async function bootConsole(
  options: Pick<ConsoleOptions, 'endpoints' | 'demo' | 'seed'>,
  clientVersion: string,
): Promise<BootedConsole> {
  const demo = options.demo ? await startDemoEndpoint({ seed: options.seed }) : undefined;
  const endpoints = demo ? [demo.url, ...options.endpoints] : options.endpoints;
  const core = new ConsoleCore({ endpoints, clientVersion });
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
