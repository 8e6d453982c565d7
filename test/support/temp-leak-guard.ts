// Vitest globalSetup: a test that leaves a wf-* folder in the temp dir fails
// the run. The run gets its own temp dir (TMPDIR, read by os.tmpdir() in the
// test workers and the processes they spawn), so folders made at the same
// time by another run or a Playwright suite never count as this run's leaks.
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LEAK = /^wf-/;

function leakedNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => LEAK.test(name))
    .sort();
}

export default function setup(): () => void {
  const outer = process.env.TMPDIR;
  const runDir = mkdtempSync(join(tmpdir(), 'vitest-run-'));
  // Like /tmp itself: services the tests run as another user (PostgreSQL) reach their folders.
  chmodSync(runDir, 0o1777);
  process.env.TMPDIR = runDir;
  return () => {
    const leaked = leakedNames(runDir);
    restore(outer);
    rmSync(runDir, { recursive: true, force: true });
    if (leaked.length === 0) return;
    // Vitest only logs a teardown error; the exit code makes it fail the run.
    process.exitCode = 1;
    throw new Error(
      `tests left ${leaked.length} temp folder(s) behind: ${leaked.join(', ')}. ` +
        'Make them with makeTempDir (test/support/temp-dir.ts) and afterAll(removeTempDirs).',
    );
  };
}

function restore(outer: string | undefined): void {
  if (outer === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = outer;
}
