// Before `stryker run`: on a clone with no results of its own for the scope,
// start from the committed report, so only mutants whose code or tests changed
// since it are tested again (`npm run mutation -- --force` tests everything).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { committedReport, incrementalFile } from '../stryker.config.mjs';

if (!existsSync(incrementalFile) && existsSync(committedReport)) {
  mkdirSync(dirname(incrementalFile), { recursive: true });
  copyFileSync(committedReport, incrementalFile);
  console.log(`mutation: results seeded from ${committedReport}`);
}
