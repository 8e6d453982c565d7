// Mutation scores per folder and for the security list, from a Stryker JSON
// report, as the markdown table docs/testing.md holds. `--check` exits 1 when a
// target is missed (security ≥ 80 %, overall ≥ 65 %), so the claim is a command.
//   npx tsx scripts/mutation-scores.ts [report.json …] [--check]
// Several reports (runs over disjoint scopes) are merged by file.
import { readFileSync } from 'node:fs';
import { minimatch } from 'minimatch';
import { notTests, scopes } from '../stryker.config.mjs';

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}
interface Tally {
  killed: number;
  survived: number;
  noCoverage: number;
}

const TARGETS = { security: 80, overall: 65 };
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED: Record<string, keyof Tally> = { Survived: 'survived', NoCoverage: 'noCoverage' };

function tallyOf(mutants: { status: string }[], into: Tally): Tally {
  for (const { status } of mutants) {
    if (DETECTED.has(status)) into.killed += 1;
    const slot = UNDETECTED[status];
    if (slot) into[slot] += 1;
  }
  return into;
}

const empty = (): Tally => ({ killed: 0, survived: 0, noCoverage: 0 });
const valid = (t: Tally): number => t.killed + t.survived + t.noCoverage;
const score = (t: Tally): number => (valid(t) === 0 ? 100 : (100 * t.killed) / valid(t));

/** main/core/alerts/x.ts → main/core/alerts; main/core/x.ts → main/core. */
function folderOf(path: string): string {
  const parts = path.split('/');
  return parts.slice(0, Math.min(3, parts.length - 1)).join('/');
}

/** Files a run never mutates (tests, entry points) that an incremental report may still carry. */
function leftOut(path: string): boolean {
  return notTests.some((glob) => minimatch(path, glob.slice(1)));
}

function inSecurity(path: string): boolean {
  return scopes.security.some((glob) => minimatch(path, glob));
}

function row(name: string, t: Tally): string {
  // No mutants (a report of other parts only): no score, rather than a 100 % no run earned.
  if (valid(t) === 0) return `| ${name} | 0 | 0 | 0 | 0 | — | — |`;
  const covered = t.killed + t.survived;
  const coveredScore = covered === 0 ? 100 : (100 * t.killed) / covered;
  return `| ${name} | ${valid(t)} | ${t.killed} | ${t.survived} | ${t.noCoverage} | ${score(t).toFixed(1)} % | ${coveredScore.toFixed(1)} % |`;
}

function main(): void {
  const args = process.argv.slice(2);
  const named = args.filter((a) => !a.startsWith('--'));
  const files = named.length > 0 ? named : ['reports/mutation/all/mutation.json'];
  const report: Report = { files: {} };
  for (const file of files) {
    Object.assign(report.files, (JSON.parse(readFileSync(file, 'utf8')) as Report).files);
  }
  const folders = new Map<string, Tally>();
  const security = empty();
  const overall = empty();
  for (const [path, { mutants }] of Object.entries(report.files)) {
    if (leftOut(path)) continue;
    const folder = folders.get(folderOf(path)) ?? empty();
    folders.set(folderOf(path), tallyOf(mutants, folder));
    tallyOf(mutants, overall);
    if (inSecurity(path)) tallyOf(mutants, security);
  }
  const lines = ['| scope | valid | killed | survived | no coverage | score | covered |'];
  lines.push('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, t] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(row(`\`${name}/\``, t));
  }
  lines.push(row(`**security list** (target ≥ ${TARGETS.security} %)`, security));
  lines.push(row(`**overall** (target ≥ ${TARGETS.overall} %)`, overall));
  console.log(lines.join('\n'));
  const below = (t: Tally, target: number) => valid(t) > 0 && score(t) < target;
  const missed = below(security, TARGETS.security) || below(overall, TARGETS.overall);
  if (args.includes('--check') && missed) {
    console.error('mutation targets missed');
    process.exitCode = 1;
  }
}

main();
