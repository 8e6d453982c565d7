// What the conformance kit found: one verdict per rule, grouped by section of
// docs/protocol.md, and the text the CLI prints.

export const SECTIONS = [
  'handshake',
  'catalog',
  'samples',
  'deployments',
  'actions',
  'action.get',
  'liveness',
  'close codes',
  'limits',
] as const;
export type Section = (typeof SECTIONS)[number];

/** `warn`: a SHOULD the endpoint misses, or something the console would quietly ignore. */
export type Verdict = 'pass' | 'fail' | 'skip' | 'warn';

export interface Check {
  section: Section;
  /** The rule, led by its section of docs/protocol.md: "§3 hello is answered within 5 s". */
  rule: string;
  verdict: Verdict;
  /** What was seen (fail, warn) or why it was not checked (skip). */
  detail?: string;
}

export interface ConformanceReport {
  url: string;
  endpoint?: string;
  checks: Check[];
}

export class CheckList {
  readonly checks: Check[] = [];

  constructor(private readonly section: Section) {}

  add(rule: string, verdict: Verdict, detail?: string): void {
    this.checks.push({ section: this.section, rule, verdict, ...(detail ? { detail } : {}) });
  }

  /** Pass when `problem` is undefined, else fail with it. */
  expect(rule: string, problem: string | undefined, passDetail?: string): void {
    if (problem === undefined) this.add(rule, 'pass', passDetail);
    else this.add(rule, 'fail', problem);
  }

  /** Pass when `problem` is undefined, else warn (a SHOULD). */
  advise(rule: string, problem: string | undefined, passDetail?: string): void {
    if (problem === undefined) this.add(rule, 'pass', passDetail);
    else this.add(rule, 'warn', problem);
  }

  skip(rule: string, why: string): void {
    this.add(rule, 'skip', why);
  }
}

export const failures = (report: ConformanceReport): Check[] =>
  report.checks.filter((check) => check.verdict === 'fail');

export function sectionVerdict(checks: Check[]): Verdict {
  if (checks.some((c) => c.verdict === 'fail')) return 'fail';
  if (checks.length > 0 && checks.every((c) => c.verdict === 'skip')) return 'skip';
  return checks.some((c) => c.verdict === 'warn') ? 'warn' : 'pass';
}

const MARK: Record<Verdict, string> = { pass: 'ok  ', fail: 'FAIL', skip: 'skip', warn: 'warn' };

export function formatReport(report: ConformanceReport): string {
  const lines = [`watchfloor.v1 conformance of ${report.url}${nameOf(report)}`];
  for (const section of SECTIONS) {
    const checks = report.checks.filter((c) => c.section === section);
    lines.push('', `${section}: ${sectionVerdict(checks).toUpperCase()}`);
    for (const check of checks) {
      lines.push(`  ${MARK[check.verdict]} ${check.rule}`);
      if (check.detail)
        lines.push(`       ${check.verdict === 'fail' ? 'saw: ' : ''}${check.detail}`);
    }
  }
  const failed = failures(report);
  const count = (v: Verdict) => report.checks.filter((c) => c.verdict === v).length;
  const sections = [...new Set(failed.map((c) => c.section))];
  lines.push(
    '',
    failed.length === 0
      ? `PASS: ${count('pass')} rules passed, ${count('warn')} warnings, ${count('skip')} skipped`
      : `FAIL: ${failed.length} rules failed (${sections.join(', ')}), ${count('pass')} passed, ${count('skip')} skipped`,
  );
  return `${lines.join('\n')}\n`;
}

const nameOf = (report: ConformanceReport) => (report.endpoint ? ` (${report.endpoint})` : '');
