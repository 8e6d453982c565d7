import { describe, expect, it } from 'vitest';
import {
  failingStepOf,
  summarize,
  toBuildState,
} from '../../../../endpoints/buildbot/build-summary';
import type { Build } from '../../../../endpoints/buildbot/buildbot-client';

const build = (over: Partial<Build>): Build => ({
  buildid: 7,
  number: 3,
  builderid: 2,
  complete: true,
  results: 2,
  started_at: 1_767_268_800,
  complete_at: 1_767_268_804,
  state_string: 'failed',
  properties: { got_revision: ['d56e8671e43590d10bfe9635170eb51c5fee2971', 'Git'] },
  ...over,
});

describe('a Buildbot build as Watchfloor shows it', () => {
  it('reads number, revision, status, times and duration (Buildbot counts seconds)', () => {
    expect(summarize('billing-tests', build({}))).toMatchObject({
      number: 3,
      revision: 'd56e8671e43590d10bfe9635170eb51c5fee2971',
      status: 'failed',
      result: 'failure',
      startedAt: 1_767_268_800_000,
      finishedAt: 1_767_268_804_000,
      durationMs: 4_000,
    });
  });

  it('counts success, warnings and skipped as passed; exception and cancelled as failed', () => {
    const status = (results: number) => summarize('b', build({ results })).status;
    expect([0, 1, 3].map(status)).toEqual(['passed', 'passed', 'passed']);
    expect([2, 4, 5, 6].map(status)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(
      summarize('b', build({ complete: false, results: null, complete_at: null })).status,
    ).toBe('running');
  });

  it('finds the first step that did not pass', () => {
    const step = (number: number, results: number | null, name: string) => ({
      stepid: number,
      number,
      name,
      complete: results !== null,
      results,
    });
    expect(
      failingStepOf([
        step(2, 2, 'tests'),
        step(0, 0, 'worker'),
        step(1, 4, 'git'),
        step(3, null, 'x'),
      ])?.name,
    ).toBe('git');
    expect(failingStepOf([step(0, 0, 'worker'), step(1, 3, 'skipped')])).toBeUndefined();
  });

  it('puts the short revision in version, the failing tests only on a failed build, details alongside', () => {
    const summary = {
      ...summarize('billing-tests', build({})),
      failingTests: ['a'],
      failingStep: 'tests',
    };
    const state = toBuildState(summary, 'http://ci:8010');
    expect(state).toMatchObject({
      id: 'billing-tests #3',
      status: 'failed',
      version: 'd56e8671e435',
      failingTests: ['a'],
      finishedAt: 1_767_268_804_000,
      failingStep: 'tests',
      url: 'http://ci:8010/#/builders/2/builds/3',
    });
    expect(toBuildState({ ...summary, status: 'running' }, 'u').failingTests).toEqual([]);
  });
});
