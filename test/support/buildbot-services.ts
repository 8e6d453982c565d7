// A real Buildbot master and worker (Debian's buildbot and buildbot-worker) on
// free loopback ports in a throwaway folder, building a tiny git repository
// of their own whose test suite a commit can break and another fix: what the
// bridge's integration and end-to-end tests run against. Builds take a few
// seconds. Missing programs fail the test with the way to install them.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from './temp-dir';
import { freePort } from './prometheus-services';

const run = promisify(execFile);

export const BUILDBOT_SETUP_HELP =
  "run `sudo bash scripts/test-setup.sh` (it installs Debian's buildbot, buildbot-worker and git)";

/** The builders of the test master: billing publishes test results, web only prints them. */
export const BUILDERS = { billing: 'billing-tests', web: 'web-tests' } as const;
/** The tests the breaking commit makes fail. */
export const BROKEN_TESTS = ['invoice_total', 'signup_email'];

const FIXTURES = join(import.meta.dirname, 'buildbot');

const SUITE = `#!/bin/sh
# The tiny test suite: one line per test, "ok NAME" or "FAIL: NAME (why)".
. ./calc.sh
failed=0
check() {
  if [ "$2" = "$3" ]; then echo "ok $1"; else echo "FAIL: $1 (expected $2, got $3)"; failed=$((failed + 1)); fi
}
check invoice_total 42 "$(add 40 2)"
check tax_rounding 10 "$(mul 5 2)"
check signup_email ok "$(greet)"
echo "$failed failed"
exit $failed
`;
const GOOD_CALC =
  'add() { echo $(($1 + $2)); }\nmul() { echo $(($1 * $2)); }\ngreet() { echo ok; }\n';
const BAD_CALC =
  'add() { echo $(($1 + $2 + 1)); }\nmul() { echo $(($1 * $2)); }\ngreet() { echo nope; }\n';

function findProgram(name: string): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/sbin'];
  for (const dir of dirs) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  throw new Error(`${name} is not installed: ${BUILDBOT_SETUP_HELP}`);
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A twistd program in the foreground, its output kept for error messages. */
class Daemon {
  private child: ChildProcess | undefined;
  readonly output: string[] = [];

  constructor(
    private readonly name: string,
    private readonly argv: string[],
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  start(): void {
    const [program = '', ...args] = this.argv;
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], env: this.env });
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 200) this.output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', () => running.delete(child));
    running.add(child);
    this.child = child;
  }

  get alive(): boolean {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  describe(): string {
    return `${this.name} said:\n${this.output.join('').slice(-3000)}`;
  }

  /** SIGTERM (twistd shuts down cleanly), then SIGKILL after 10 s. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  }
}

export interface BuildbotStack {
  /** Buildbot's base URL: http://127.0.0.1:PORT */
  url: string;
  dir: string;
  /** Commits a change that makes BROKEN_TESTS fail; resolves with its revision. */
  breakTests(): Promise<string>;
  /** Commits the fix; resolves with its revision. */
  fixTests(): Promise<string>;
  /** Starts a build of a builder now (the force scheduler). */
  forceBuild(builder: string): Promise<void>;
  /** Waits until the builder's latest build finished with this revision; resolves with its number. */
  waitForBuild(builder: string, revision: string, timeoutMs?: number): Promise<number>;
  /** Stops the master (the worker keeps trying to reconnect). */
  stopMaster(): Promise<void>;
  /** Starts it again on the same port and state; resolves when its REST API answers. */
  startMaster(): Promise<void>;
  close(): Promise<void>;
}

export async function startBuildbotStack(): Promise<BuildbotStack> {
  const buildbot = findProgram('buildbot');
  const workerProgram = findProgram('buildbot-worker');
  const git = findProgram('git');
  const dir = makeTempDir('wf-buildbot-');
  const repo = join(dir, 'repo');
  const [webPort, pbPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${webPort}`;
  // A bare environment: builds must not see (or log) the test runner's variables.
  const env = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: dir,
    LANG: 'C.UTF-8',
    PYTHONPATH: `${join(FIXTURES, 'www-stub')}${delimiter}${FIXTURES}`,
    GIT_CONFIG_NOSYSTEM: '1',
    // Keep the fixtures folder free of __pycache__.
    PYTHONDONTWRITEBYTECODE: '1',
  };
  const gitIn = (...args: string[]) =>
    run(
      git,
      ['-c', 'user.name=Watchfloor Test', '-c', 'user.email=test@watchfloor.invalid', ...args],
      {
        cwd: repo,
        env,
      },
    );
  const commit = async (calc: string, message: string) => {
    writeFileSync(join(repo, 'calc.sh'), calc);
    await gitIn('commit', '-qam', message);
    return (await gitIn('rev-parse', 'HEAD')).stdout.trim();
  };
  mkdirSync(repo);
  await gitIn('init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'run-tests.sh'), SUITE);
  writeFileSync(join(repo, 'calc.sh'), GOOD_CALC);
  await gitIn('add', '-A');
  await gitIn('commit', '-qm', 'a passing suite');
  await run(buildbot, ['create-master', '-q', join(dir, 'master')], { env });
  writeFileSync(join(dir, 'master', 'master.cfg'), masterConfig(repo, webPort, pbPort));
  await run(
    workerProgram,
    [
      'create-worker',
      '-q',
      '--maxdelay',
      '2',
      join(dir, 'worker'),
      `127.0.0.1:${pbPort}`,
      'worker1',
      'pass',
    ],
    { env },
  );
  const master = new Daemon(
    'buildbot master',
    [buildbot, 'start', '--nodaemon', join(dir, 'master')],
    env,
  );
  const worker = new Daemon(
    'buildbot worker',
    [workerProgram, 'start', '--nodaemon', join(dir, 'worker')],
    env,
  );
  const startMaster = async () => {
    master.start();
    await until(
      'the master to answer /api/v2/workers with a connected worker',
      async () => {
        if (!master.alive) throw new Error(`the Buildbot master exited. ${master.describe()}`);
        const answer = (await getJson(`${url}/api/v2/workers`)) as
          { workers?: Array<{ connected_to: unknown[] }> } | undefined;
        return (answer?.workers?.[0]?.connected_to.length ?? 0) > 0;
      },
      60_000,
      () => `${master.describe()}\n${worker.describe()}`,
    );
  };
  const close = async () => {
    await Promise.all([worker.stop(), master.stop()]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    worker.start();
    await startMaster();
  } catch (err) {
    await close();
    throw err;
  }
  return {
    url,
    dir,
    breakTests: () => commit(BAD_CALC, 'a change that breaks two tests'),
    fixTests: () => commit(GOOD_CALC, 'fix the two tests'),
    forceBuild: async (builder) => {
      const builders = (await getJson(`${url}/api/v2/builders`)) as {
        builders: Array<{ builderid: number; name: string }>;
      };
      const id = builders.builders.find((b) => b.name === builder)?.builderid;
      const response = await fetch(`${url}/api/v2/forceschedulers/force`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          jsonrpc: '2.0',
          method: 'force',
          params: { builderid: String(id) },
          id: 1,
        }),
      });
      if (!response.ok) throw new Error(`force build of ${builder}: HTTP ${response.status}`);
    },
    waitForBuild: async (builder, revision, timeoutMs = 60_000) => {
      let number = -1;
      await until(
        `a finished build of ${builder} at ${revision.slice(0, 12)}`,
        async () => {
          const answer = (await getJson(
            `${url}/api/v2/builders/${builder}/builds?order=-number&limit=1&property=got_revision`,
          )) as {
            builds?: Array<{
              number: number;
              complete: boolean;
              properties: Record<string, [string]>;
            }>;
          };
          const build = answer?.builds?.[0];
          number = build?.number ?? -1;
          return build?.complete === true && build.properties.got_revision?.[0] === revision;
        },
        timeoutMs,
        () => master.describe(),
      );
      return number;
    },
    stopMaster: () => master.stop(),
    startMaster,
    close,
  };
}

function masterConfig(repo: string, webPort: number, pbPort: number): string {
  const builders = Object.values(BUILDERS);
  return `# Written by test/support/buildbot-services.ts: a throwaway master on loopback.
from buildbot.plugins import changes, schedulers, steps, util, worker
from test_suite_step import TestSuite

REPO = ${JSON.stringify(repo)}

def factory(publish_results):
    f = util.BuildFactory()
    f.addStep(steps.Git(repourl=REPO, branch='main', mode='incremental'))
    suite = TestSuite if publish_results else steps.ShellCommand
    f.addStep(suite(name='tests', command=['sh', 'run-tests.sh']))
    return f

c = BuildmasterConfig = {}
c['title'] = 'Watchfloor test CI'
c['buildbotURL'] = 'http://127.0.0.1:${webPort}/'
c['buildbotNetUsageData'] = None
c['db'] = {'db_url': 'sqlite:///state.sqlite'}
c['workers'] = [worker.Worker('worker1', 'pass')]
c['protocols'] = {'pb': {'port': 'tcp:${pbPort}:interface=127.0.0.1'}}
c['change_source'] = [changes.GitPoller(repourl=REPO, branches=['main'], pollInterval=1,
                                        pollAtLaunch=True, workdir='gitpoller-work')]
c['schedulers'] = [
    schedulers.SingleBranchScheduler(name='on-commit', treeStableTimer=None,
                                     change_filter=util.ChangeFilter(branch='main'),
                                     builderNames=${JSON.stringify(builders)}),
    schedulers.ForceScheduler(name='force', builderNames=${JSON.stringify(builders)}),
]
c['builders'] = [
    util.BuilderConfig(name=${JSON.stringify(BUILDERS.billing)}, workernames=['worker1'], factory=factory(True)),
    util.BuilderConfig(name=${JSON.stringify(BUILDERS.web)}, workernames=['worker1'], factory=factory(False)),
]
# Nobody logs in here, so a rebuild of web-tests (admins only) is always refused.
c['www'] = {
    'port': 'tcp:${webPort}:interface=127.0.0.1',
    'plugins': {},
    'authz': util.Authz(allowRules=[util.RebuildBuildEndpointMatcher(builder=${JSON.stringify(BUILDERS.web)}, role='admins')],
                        roleMatchers=[]),
}
`;
}

async function getJson(url: string): Promise<unknown> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok ? ((await response.json()) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

async function until(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  context: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}. ${context()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
