import { describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../../../shared/api/actions';
import type { Alert } from '../../../../shared/api/alerts';
import type { ConsoleSeries } from '../../../../shared/api/series';
import type { Procedure } from '../../../../shared/protocol';
import {
  FIX_SHOWN_MS,
  findFix,
  offeredAfter,
  recoveryOf,
  suggestionsFor,
  type Fix,
} from './procedure-match';

// The bad-deploy scenario: billing 2.14.0 fails requests until it is rolled back to 2.13.2.
const NOW = Date.UTC(2026, 10, 26, 14, 30);
const target = { service: 'billing', environment: 'production' };
const rollBack = (when: Procedure['when']): Procedure => ({
  when,
  title: 'Roll back billing to 2.13.2',
  action: 'deploy.rollback',
  args: { ...target, toVersion: '2.13.2' },
  expectRecoveryMs: 15_000,
});

const errors: ConsoleSeries = {
  key: 'demo/app.errors.rate',
  endpointId: 'demo',
  id: 'app.errors.rate',
  title: 'Errors in production',
  level: 'technical',
  unit: '{error}/min',
  kind: 'gauge',
  intervalMs: 1000,
  service: 'billing',
  procedures: [rollBack('critical'), rollBack('warning')],
};

const alert = (overrides: Partial<Alert> = {}): Alert => ({
  id: 'alert-errors',
  seriesKey: errors.key,
  endpointId: 'demo',
  title: 'Errors in production',
  severity: 'critical',
  state: 'firing',
  since: NOW - 5 * 60_000,
  firedAt: NOW - 5 * 60_000 + 2_000,
  value: 31,
  ...overrides,
});

const record = (overrides: Partial<ActionRecord> = {}): ActionRecord =>
  ({
    endpointId: 'demo',
    key: 'rollback-billing-0001',
    action: 'deploy.rollback',
    args: { ...target, toVersion: '2.13.2' },
    state: 'succeeded',
    operator: 'dana',
    submittedAt: NOW - 60_000,
    updatedAt: NOW - 58_500,
    ...overrides,
  }) as ActionRecord;

describe('suggestionsFor', () => {
  it('suggests the series procedure for a firing alert of its severity, as a ready call', () => {
    const [suggestion, ...rest] = suggestionsFor(alert(), errors);
    expect(rest).toEqual([]);
    expect(suggestion?.procedure.when).toBe('critical');
    expect(suggestion?.call).toEqual({
      action: 'deploy.rollback',
      args: { ...target, toVersion: '2.13.2' },
    });
  });

  it('prefers the procedures the alert itself carries', () => {
    const patch: Procedure = {
      when: 'warning',
      title: 'Deploy billing 2.14.1',
      action: 'patch.apply',
      args: { ...target, version: '2.14.1' },
    };
    const suggestions = suggestionsFor(alert({ severity: 'warning', procedures: [patch] }), errors);
    expect(suggestions.map((one) => one.procedure.title)).toEqual(['Deploy billing 2.14.1']);
  });

  it('suggests nothing before the alert fires, after it resolves, or for missing data', () => {
    expect(suggestionsFor(alert({ state: 'pending' }), errors)).toEqual([]);
    expect(suggestionsFor(alert({ state: 'resolved', resolvedAt: NOW }), errors)).toEqual([]);
    expect(suggestionsFor(alert({ severity: 'nodata' }), errors)).toEqual([]);
  });

  it('drops a procedure whose arguments the action would refuse', () => {
    const broken = { ...rollBack('critical'), args: { service: 'billing' } };
    expect(suggestionsFor(alert({ procedures: [broken] }), errors)).toEqual([]);
  });
});

describe('findFix', () => {
  it('finds the rollback submitted while the alert was open, even to another version', () => {
    const rollback = record({ args: { ...target, toVersion: '2.13.1' } } as Partial<ActionRecord>);
    const fix = findFix([rollback], errors, [alert()], NOW);
    expect(fix?.record).toBe(rollback);
    expect(fix?.alert.id).toBe('alert-errors');
  });

  it('picks the newest of several matching actions', () => {
    const first = record({ key: 'rollback-billing-0001', submittedAt: NOW - 120_000 });
    const second = record({ key: 'rollback-billing-0002', submittedAt: NOW - 30_000 });
    expect(findFix([second, first], errors, [alert()], NOW)?.record.key).toBe(
      'rollback-billing-0002',
    );
  });

  it('ignores another endpoint, another service, a stale action, or one before the alert', () => {
    const alerts = [alert()];
    expect(findFix([record({ endpointId: 'staging' })], errors, alerts, NOW)).toBeUndefined();
    const web = record({
      args: { service: 'web', environment: 'production' },
    } as Partial<ActionRecord>);
    expect(findFix([web], errors, alerts, NOW)).toBeUndefined();
    const old = record({ submittedAt: NOW - FIX_SHOWN_MS - 1 });
    expect(findFix([old], errors, [alert({ since: NOW - FIX_SHOWN_MS - 60_000 })], NOW)).toBe(
      undefined,
    );
    const early = record({ submittedAt: NOW - 6 * 60_000 });
    expect(findFix([early], errors, alerts, NOW)).toBeUndefined();
  });
});

describe('recoveryOf', () => {
  const fix = (state: ActionRecord['state'] = 'succeeded'): Fix => ({
    record: record({ state }),
    alert: alert(),
    procedure: rollBack('critical'),
  });
  const doneAt = NOW - 58_500;

  it('says nothing until the fix has succeeded', () => {
    expect(recoveryOf(fix('accepted'), alert(), NOW)).toBeUndefined();
  });

  it('watches the alert within the expected recovery time', () => {
    expect(recoveryOf(fix(), alert(), doneAt + 10_000)).toEqual({
      kind: 'watching',
      elapsedMs: 10_000,
      expectMs: 15_000,
    });
  });

  it('says the alert did not recover once the expected time has passed', () => {
    expect(recoveryOf(fix(), alert(), doneAt + 15_001)).toEqual({
      kind: 'not-recovered',
      afterMs: 15_000,
    });
  });

  it('says how soon the alert resolved, and whether that was late', () => {
    const resolved = (afterMs: number) =>
      alert({ state: 'resolved', resolvedAt: doneAt + afterMs });
    expect(recoveryOf(fix(), resolved(12_000), NOW)).toEqual({
      kind: 'recovered',
      afterMs: 12_000,
      late: false,
    });
    expect(recoveryOf(fix(), resolved(40_000), NOW)).toEqual({
      kind: 'recovered',
      afterMs: 40_000,
      late: true,
    });
  });
});

describe('offeredAfter: a procedure taken by anyone is not offered again', () => {
  const halt: Procedure = {
    when: 'critical',
    title: 'Halt the release',
    action: 'ring.halt',
    args: target,
  };
  const both = suggestionsFor(alert(), { ...errors, procedures: [rollBack('critical'), halt] });
  const fixBy = (overrides: Partial<ActionRecord>): Fix => ({
    record: record(overrides),
    alert: alert(),
    procedure: rollBack('critical'),
  });

  it('offers every suggestion when nothing was taken, or the fix was refused or failed', () => {
    expect(offeredAfter(both, undefined, undefined)).toEqual(both);
    for (const state of ['rejected', 'failed', 'cancelled'] as const)
      expect(offeredAfter(both, fixBy({ state }), undefined)).toEqual(both);
  });

  it('offers nothing while the fix (here or elsewhere) runs or its recovery is watched', () => {
    const running = fixBy({ state: 'running', elsewhere: true, operator: 'ana' });
    expect(offeredAfter(both, running, undefined)).toEqual([]);
    const watching = { kind: 'watching', elapsedMs: 5_000, expectMs: 15_000 } as const;
    expect(offeredAfter(both, fixBy({ elsewhere: true }), watching)).toEqual([]);
  });

  it('offers the next procedure, never the same one, once recovery has failed', () => {
    const failed = { kind: 'not-recovered', afterMs: 15_000 } as const;
    expect(offeredAfter(both, fixBy({ elsewhere: true }), failed).map((s) => s.procedure)).toEqual([
      halt,
    ]);
  });
});
