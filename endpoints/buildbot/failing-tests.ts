// The names of a build's failing tests: from the test results the build
// published to Buildbot where there are any, else from its failing step's
// log (unittest, pytest, TAP and `FAIL: name` lines, or the configured
// pattern), else the failing step itself stands in for them.
import type { TestResult, TestResultSet } from './buildbot-client';

/** The protocol's limits: 500 names of at most 300 characters. */
const MAX_TESTS = 500;
const MAX_NAME = 300;

const LOG_PATTERNS = [
  // unittest `FAIL: test_x (mod.Case)`, pytest `FAILED tests/a.py::test_b - ...`, `ERROR: name`
  /^(?:FAIL|FAILED|ERROR):?\s+(\S+)/,
  // TAP: `not ok 3 - name # comment`
  /^not ok\b\s*\d*\s*-?\s*(.+?)(?:\s+#.*)?$/,
];

export interface ResultSet {
  set: TestResultSet;
  results: TestResult[];
}

/** Sets whose results say pass or fail per test; other kinds (timings, code issues) say nothing here. */
export function readsPassFail(set: TestResultSet): boolean {
  return (
    (set.category === 'pass_fail' && set.value_unit === 'boolean') || set.category === 'fail_only'
  );
}

/** Failing tests named by published results; undefined when the build published none to read. */
export function failingFromResults(sets: ResultSet[]): string[] | undefined {
  const readable = sets.filter(({ set }) => readsPassFail(set));
  if (readable.length === 0) return undefined;
  const names: string[] = [];
  for (const { set, results } of readable) {
    for (const result of results) {
      const failed = set.category === 'fail_only' || !isTruthy(result.value);
      const name = result.test_name ?? result.test_code_path;
      if (failed && name) names.push(name);
    }
  }
  return tidy(names);
}

/** Failing tests named in a step's output lines. */
export function failingFromLog(lines: string[], pattern?: RegExp): string[] {
  const patterns = pattern ? [pattern] : LOG_PATTERNS;
  const names: string[] = [];
  for (const line of lines) {
    for (const re of patterns) {
      const name = re.exec(line.trimEnd())?.[1]?.trim();
      if (name) {
        names.push(name);
        break;
      }
    }
  }
  return tidy(names);
}

/** What stands in for test names when a failing step named none. */
export function stepStandIn(step: { name: string; state_string?: string | null }): string {
  const said = step.state_string && step.state_string !== step.name ? `: ${step.state_string}` : '';
  return `step ${step.name} failed${said}`.slice(0, MAX_NAME);
}

function isTruthy(value: string): boolean {
  const number = Number(value);
  return Number.isFinite(number) ? number !== 0 : /^(true|pass|passed|ok)$/i.test(value);
}

function tidy(names: string[]): string[] {
  return [...new Set(names.map((name) => name.slice(0, MAX_NAME)))].slice(0, MAX_TESTS);
}
