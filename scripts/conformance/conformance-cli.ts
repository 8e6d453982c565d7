// `npx tsx scripts/conformance/conformance-cli.ts ws://HOST:PORT [--token T] [--allow-actions]`
// (`npm run conformance -- ...`): checks an endpoint against docs/protocol.md
// the way the console would meet it, prints pass/fail per section, and exits
// 1 when any rule fails (2 on a usage error).
import { parseArgs } from 'node:util';
import { formatReport, failures } from './conformance-report';
import { DEFAULT_ACTION_TIMEOUT_MS, DEFAULT_WATCH_MS, type KitOptions } from './kit-session';
import { runConformance } from './run-conformance';

const HELP = `Usage: npm run conformance -- ws://HOST:PORT [options]

Checks a watchfloor.v1 endpoint against docs/protocol.md, section by section, as a console
meets it over a real WebSocket; every frame is validated with the JSON Schema and the
console's own schemas. Exits 0 when every rule passes, 1 when one fails.

Options:
  --token T                bearer token for the upgrade (or set WATCHFLOOR_TOKEN)
  --allow-actions          submit one announced action, aimed at the endpoint's own state and
                           least disruptive first, to check idempotency, action.status (to a
                           second console, described) and action.get; then the same action
                           for a service that does not exist, under a new key, to check that
                           a refused key is unknown to action.get. Without it no action is
                           ever submitted.
  --watch-ms N             how long to watch live traffic (default ${DEFAULT_WATCH_MS})
  --action-timeout-ms N    how long an accepted action may take to finish (default ${DEFAULT_ACTION_TIMEOUT_MS})
  -h, --help               print this help
`;

class UsageError extends Error {}

export function parseKitArgs(argv: string[], env = process.env): KitOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        token: { type: 'string' },
        'allow-actions': { type: 'boolean' },
        'watch-ms': { type: 'string' },
        'action-timeout-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const [url, ...extra] = positionals;
  if (!url || extra.length > 0) throw new UsageError('give exactly one endpoint URL');
  if (!/^wss?:\/\//i.test(url)) throw new UsageError(`${url}: expected a ws:// or wss:// URL`);
  const token = values.token ?? env.WATCHFLOOR_TOKEN;
  return {
    url,
    ...(token ? { token } : {}),
    allowActions: values['allow-actions'] === true,
    watchMs: milliseconds('--watch-ms', values['watch-ms'], DEFAULT_WATCH_MS),
    actionTimeoutMs: milliseconds(
      '--action-timeout-ms',
      values['action-timeout-ms'],
      DEFAULT_ACTION_TIMEOUT_MS,
    ),
  };
}

function milliseconds(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1_000 || Number(raw) > 600_000) {
    throw new UsageError(`${name} ${raw}: expected milliseconds from 1000 to 600000`);
  }
  return Number(raw);
}

async function main(): Promise<void> {
  const options = parseKitArgs(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const report = await runConformance(options);
  process.stdout.write(formatReport(report));
  process.exitCode = failures(report).length > 0 ? 1 : 0;
}

main().catch((err: Error) => {
  const usage = err instanceof UsageError;
  console.error(`conformance: ${err.message}${usage ? ' (see --help)' : ''}`);
  process.exitCode = usage ? 2 : 1;
});
