// One Buildbot build as Watchfloor shows it: number, revision, status,
// times, duration, the failing step and the failing tests.
import type { BuildState } from '../../shared/protocol';
import type { Build, BuildbotClient, Step } from './buildbot-client';
import { failingFromLog, failingFromResults, stepStandIn } from './failing-tests';

/** Buildbot's result codes, by name. */
export const RESULT_NAMES = [
  'success',
  'warnings',
  'failure',
  'skipped',
  'exception',
  'retry',
  'cancelled',
];

export interface BuildSummary {
  builder: string;
  builderid: number;
  buildid: number;
  number: number;
  buildrequestid: number | undefined;
  revision: string | undefined;
  status: BuildState['status'];
  /** Buildbot's own word for the result (`failure`, `exception`, ...); undefined while it runs. */
  result: string | undefined;
  startedAt: number | undefined;
  finishedAt: number | undefined;
  durationMs: number | undefined;
  failingStep: string | undefined;
  failingTests: string[];
}

/** Success, warnings and skipped count as passed; every other end as failed. */
export function passed(results: number | null | undefined): boolean {
  return results === 0 || results === 1 || results === 3;
}

/** The id consoles see and send back in build.retry: `billing-tests #12`. */
export function buildId(builder: string, number: number): string {
  return `${builder} #${number}`.slice(0, 128);
}

/** The summary of a build without what needs more requests (failing step and tests). */
export function summarize(builder: string, build: Build): BuildSummary {
  const revision = build.properties?.got_revision?.[0];
  const startedAt = seconds(build.started_at);
  const finishedAt = build.complete ? seconds(build.complete_at) : undefined;
  return {
    builder,
    builderid: build.builderid,
    buildid: build.buildid,
    number: build.number,
    buildrequestid: build.buildrequestid ?? undefined,
    revision: typeof revision === 'string' && revision ? revision : undefined,
    status: !build.complete ? 'running' : passed(build.results) ? 'passed' : 'failed',
    result: build.complete
      ? (RESULT_NAMES[build.results ?? -1] ?? `result ${build.results}`)
      : undefined,
    startedAt,
    finishedAt,
    durationMs:
      startedAt !== undefined && finishedAt !== undefined ? finishedAt - startedAt : undefined,
    failingStep: undefined,
    failingTests: [],
  };
}

/** The first step that did not pass: where the build broke. */
export function failingStepOf(steps: Step[]): Step | undefined {
  return steps
    .filter((step) => step.complete && step.results !== null && step.results !== undefined)
    .sort((a, b) => a.number - b.number)
    .find((step) => !passed(step.results));
}

/** Completes a failed build's summary with its failing step and tests (more requests). */
export async function readFailure(
  client: BuildbotClient,
  summary: BuildSummary,
  pattern?: RegExp,
): Promise<BuildSummary> {
  if (summary.status !== 'failed') return summary;
  const step = failingStepOf(await client.steps(summary.buildid));
  const sets = await client.testResultSets(summary.buildid);
  const withResults = await Promise.all(
    sets.map(async (set) => ({ set, results: await client.testResults(set.test_result_setid) })),
  );
  let tests = failingFromResults(withResults);
  if (tests === undefined && step)
    tests = failingFromLog(await client.stepOutput(step.stepid), pattern);
  if ((tests ?? []).length === 0 && step) tests = [stepStandIn(step)];
  return { ...summary, failingStep: step?.name, failingTests: tests ?? [] };
}

/** The build as the protocol carries it, with Buildbot's details as extra members. */
export function toBuildState(summary: BuildSummary, buildbotUrl: string): BuildState {
  return {
    id: buildId(summary.builder, summary.number),
    status: summary.status,
    ...(summary.revision ? { version: summary.revision.slice(0, 12) } : {}),
    failingTests: summary.status === 'failed' ? summary.failingTests : [],
    ...(summary.finishedAt !== undefined ? { finishedAt: summary.finishedAt } : {}),
    // Not in v1's BuildState: consoles that know them may show them (protocol §14).
    ...{
      number: summary.number,
      revision: summary.revision,
      result: summary.result,
      startedAt: summary.startedAt,
      durationMs: summary.durationMs,
      failingStep: summary.failingStep,
      url: `${buildbotUrl}/#/builders/${summary.builderid}/builds/${summary.number}`,
    },
  };
}

function seconds(value: number | null | undefined): number | undefined {
  return typeof value === 'number' ? Math.round(value * 1000) : undefined;
}
