// Temp folders a test file makes, tracked so one afterAll(removeTempDirs)
// removes them even when a test fails; the temp-leak guard fails a run that
// leaves any behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A fresh folder in the OS temp dir, named `${prefix}XXXXXX`, to remove with removeTempDirs. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder makeTempDir made in this test file (rm -rf, never throws on a missing one). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs the stop steps in order (servers, consoles), then removes the folders, even when a step throws. */
export async function stopThenRemoveTempDirs(...steps: (() => unknown)[]): Promise<void> {
  try {
    for (const step of steps) await step();
  } finally {
    removeTempDirs();
  }
}
