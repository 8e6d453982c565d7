// A throwaway folder for the runbook bridge's tests: a deployments state for
// `shop` (production and staging), stand-in runbooks as small shell scripts
// (they receive their arguments as argv; none of them is a shell line built by
// the bridge), and a config mapping actions to them.
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from './temp-dir';

export interface RunbookFixture {
  dir: string;
  stateFile: string;
  configFile: string;
  /** Writes the config with these actions (and options) and returns its path. */
  writeConfig(actions: Record<string, unknown>, extra?: Record<string, unknown>): string;
  /** Each run of record.sh: the argv it got, element by element. */
  recordedRuns(): string[][];
  /** How many times slow.sh started. */
  slowRuns(): number;
  remove(): void;
}

const state = (version: string) => ({
  services: [
    {
      id: 'shop',
      name: 'Shop',
      environments: [
        {
          id: 'production',
          tier: 'production',
          version,
          previousVersions: ['0.9.0'],
          capacity: { servers: 2 },
        },
        { id: 'staging', tier: 'staging', version, previousVersions: [], capacity: { servers: 1 } },
      ],
    },
  ],
});

const SCRIPTS: Record<string, string> = {
  // Prints a few lines, then fails the way a playbook does.
  'fail.sh': `echo "TASK [check disk]"\necho "ok: [localhost]"\necho "TASK [unpack release]"\necho "fatal: [localhost]: FAILED! => disk full" >&2\nexit 3\n`,
  // Never ends by itself; its child records its pid so a test can see the group was killed.
  'hang.sh': `echo "waiting for a lock that never frees"\nsleep 300 &\necho $! > "$1/hang-child.pid"\nwait\n`,
  // Takes a while, then records the new version in the state as a deploy would.
  'slow.sh': `echo started >> "$1/slow-runs"\necho "deploying $2"\nsleep "$3"\n# Two environments may finish together: one writer of state.json at a time (5 s at most).\nn=0; until mkdir "$1/state.lock" 2>/dev/null || [ $n -ge 100 ]; do n=$((n+1)); sleep 0.05; done\nnode -e 'const fs=require("fs");const s=JSON.parse(fs.readFileSync(process.argv[1],"utf8"));s.services[0].environments.find(e=>e.id===process.argv[3]).version=process.argv[2];fs.writeFileSync(process.argv[1]+".tmp",JSON.stringify(s));fs.renameSync(process.argv[1]+".tmp",process.argv[1])' "$1/state.json" "$2" "$4"\nrmdir "$1/state.lock" 2>/dev/null\necho "deployed $2"\n`,
  // Records its argv, NUL-separated, one run per line of the file.
  'record.sh': `for a in "$@"; do printf '%s\\0' "$a"; done >> "$RECORD_FILE"\nprintf '\\n' >> "$RECORD_FILE"\necho recorded\n`,
};

export function makeRunbookFixture(): RunbookFixture {
  const dir = makeTempDir('wf-runbook-test-');
  const stateFile = join(dir, 'state.json');
  writeFileSync(stateFile, JSON.stringify(state('1.0.0')));
  for (const [name, body] of Object.entries(SCRIPTS)) {
    writeFileSync(join(dir, name), `#!/bin/sh\n${body}`);
    chmodSync(join(dir, name), 0o755);
  }
  const configFile = join(dir, 'runbook.config.json');
  return {
    dir,
    stateFile,
    configFile,
    writeConfig(actions, extra = {}) {
      const config = {
        endpoint: { id: 'test-runbooks', name: 'Test runbooks' },
        state: { file: 'state.json' },
        statePollMs: 200,
        journalDir: 'journal',
        progressLines: 4,
        actions,
        ...extra,
      };
      writeFileSync(configFile, JSON.stringify(config));
      return configFile;
    },
    recordedRuns() {
      let text: string;
      try {
        text = readFileSync(join(dir, 'argv.bin'), 'utf8');
      } catch {
        return [];
      }
      return text
        .split('\0\n')
        .filter((run) => run !== '')
        .map((run) => run.split('\0'));
    },
    slowRuns() {
      try {
        return readFileSync(join(dir, 'slow-runs'), 'utf8').split('\n').filter(Boolean).length;
      } catch {
        return 0;
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
