// What the command line checks before it serves: that the URL is Buildbot's
// and that every builder in the config exists there. Buildbot down is no
// reason to refuse to start (it may be restarting): that is only a warning.
import type { BridgeConfig } from './bridge-config';
import { BuildbotError, type BuildbotClient } from './buildbot-client';

export class PreflightError extends Error {}

/** Resolves with warnings; throws a PreflightError for a wrong URL or an unknown builder. */
export async function preflight(client: BuildbotClient, config: BridgeConfig): Promise<string[]> {
  let names: string[];
  try {
    names = (await client.builders()).map((b) => b.name);
  } catch (err) {
    const unreachable =
      err instanceof BuildbotError && (err.kind === 'unreachable' || err.kind === 'timeout');
    if (unreachable)
      return [`${err.message}; serving anyway, and trying again every ${config.pollMs} ms`];
    throw new PreflightError((err as Error).message);
  }
  const unknown = (config.builders ?? []).filter((m) => !names.includes(m.builder));
  if (unknown.length > 0) {
    const list = unknown.map((m) => `"${m.builder}"`).join(', ');
    throw new PreflightError(
      `Buildbot at ${client.origin} has no builder ${list} (it has: ${names.join(', ') || 'none'}); fix the config's "builders"`,
    );
  }
  return [];
}
