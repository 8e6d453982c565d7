// Merges Stryker runs over disjoint scopes (each report's files, by path) into
// one page in `out/`: index.html, the first run's page with the merged report
// inlined, as docs/mutation/ holds it (the scopes' own reports, which seed
// incremental runs and give the scores, are docs/mutation/scopes/<scope>.json).
//   npx tsx scripts/mutation-merge.ts docs/mutation reports/mutation/security reports/mutation/rules
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Report {
  files: Record<string, unknown>;
  testFiles?: Record<string, unknown>;
  [key: string]: unknown;
}

const INLINE = 'app.report = ';

function merge(reports: Report[]): Report {
  const [first, ...rest] = reports;
  if (!first) throw new Error('name at least one report folder');
  const merged: Report = { ...first, files: { ...first.files }, testFiles: { ...first.testFiles } };
  for (const report of rest) {
    Object.assign(merged.files, report.files);
    Object.assign(merged.testFiles ?? {}, report.testFiles);
  }
  return merged;
}

/** The page with its inlined report replaced; `<` escaped so no `</script>` can end it early. */
function inline(page: string, report: Report): string {
  const start = page.indexOf(INLINE);
  const end = page.indexOf(';\n', start);
  if (start < 0 || end < 0) throw new Error('the HTML report has no inlined report to replace');
  const json = JSON.stringify(report).replace(/</g, '\\u003c');
  return page.slice(0, start + INLINE.length) + json + page.slice(end);
}

function main(): void {
  const [out, ...folders] = process.argv.slice(2);
  if (!out || folders.length === 0) throw new Error('usage: mutation-merge.ts OUT RUN_FOLDER…');
  const reports = folders.map(
    (folder) => JSON.parse(readFileSync(join(folder, 'mutation.json'), 'utf8')) as Report,
  );
  const merged = merge(reports);
  const page = readFileSync(join(folders[0] as string, 'index.html'), 'utf8');
  writeFileSync(join(out, 'index.html'), inline(page, merged));
  console.log(`${Object.keys(merged.files).length} files from ${folders.length} runs → ${out}`);
}

main();
