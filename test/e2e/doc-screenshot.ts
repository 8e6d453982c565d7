// Where a screenshot meant for the docs goes: test-results/ on every run, so
// no test writes into tracked files; docs/ only when asked for with
// UPDATE_DOCS_SCREENSHOTS=1 (then commit the new pictures).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export function docScreenshot(name: string): string {
  const dir = process.env.UPDATE_DOCS_SCREENSHOTS === '1' ? 'docs' : 'test-results';
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
