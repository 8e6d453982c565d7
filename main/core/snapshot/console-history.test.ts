// The console's memory of how things changed, as a snapshot will hold it:
// the state when the window began, then every change, within its bounds.
import { describe, expect, it } from 'vitest';
import type { EndpointDeployments } from '../../../shared/api/console-state';
import type { ReleaseStatus } from '../../../shared/api/releases';
import { ConsoleHistory, RELEASE_VALUES_EVERY_MS } from './console-history';
import { HistoryLog } from './history-log';

const deployments = (version: string): EndpointDeployments => ({
  endpointId: 'demo',
  resourceVersion: 1,
  services: [
    {
      id: 'billing',
      name: 'Billing',
      environments: [
        { id: 'production', version, previousVersions: [], status: 'healthy', updatedAt: 0 },
      ],
    },
  ],
});

const release = (verdict: 'same' | 'worse', value: number): ReleaseStatus => ({
  endpointId: 'demo',
  service: 'web',
  serviceName: 'Web',
  environment: 'production',
  version: '5.9.0',
  baselineVersion: '5.8.1',
  rings: [],
  ring: { id: 'beta', name: 'Beta', share: 0.05, version: '5.9.0' },
  gates: [
    {
      metric: 'errors',
      title: 'Errors',
      unit: '%',
      releaseKey: 'demo/errors',
      releaseValue: value,
      tolerance: 0.1,
      direction: 'above',
      verdict,
    },
  ],
  promote: { allowed: verdict === 'same' },
});

describe('HistoryLog', () => {
  it('drops the oldest entries past its count or its bytes', () => {
    const byCount = new HistoryLog<number>({ count: 3, bytes: 1e6 });
    for (let i = 0; i < 5; i += 1) byCount.add(i, 's', i);
    expect(byCount.since(0).map((e) => e.value)).toEqual([2, 3, 4]);
    const byBytes = new HistoryLog<string>({ count: 100, bytes: 200 });
    for (let i = 0; i < 10; i += 1) byBytes.add(i, 's', 'x'.repeat(50));
    expect(byBytes.size.bytes).toBeLessThanOrEqual(200);
    expect(byBytes.since(0).at(-1)?.at).toBe(9);
  });

  it("starts a window with each subject's last change before it", () => {
    const log = new HistoryLog<string>({ count: 100, bytes: 1e6 });
    log.add(1, 'a', 'a1');
    log.add(2, 'b', 'b1');
    log.add(3, 'a', 'a2');
    log.add(10, 'a', 'a3');
    expect(log.since(5)).toEqual([
      { at: 2, value: 'b1' },
      { at: 3, value: 'a2' },
      { at: 10, value: 'a3' },
    ]);
  });
});

describe('ConsoleHistory', () => {
  it('records deployments and actions as they change', () => {
    const history = new ConsoleHistory();
    history.deploymentsChanged(100, deployments('2.14.0'));
    history.deploymentsChanged(200, deployments('2.13.2'));
    const window = history.since(150);
    expect(window.recorded).toBe(true);
    expect(
      window.deployments.map((e) => [e.at, e.deployments.services[0]?.environments[0]?.version]),
    ).toEqual([
      [100, '2.14.0'],
      [200, '2.13.2'],
    ]);
  });

  it('records a link from its first opening, and only real changes', () => {
    const history = new ConsoleHistory();
    history.linkState(1, 'demo', 'connecting');
    history.linkState(2, 'demo', 'open');
    history.linkState(3, 'demo', 'open');
    history.linkState(4, 'demo', 'reconnecting');
    expect(history.since(0).links).toEqual([
      { at: 2, endpointId: 'demo', state: 'open' },
      { at: 4, endpointId: 'demo', state: 'reconnecting' },
    ]);
  });

  it('records a verdict change at once and moving values at most every few seconds', () => {
    const history = new ConsoleHistory();
    history.releasesChanged(0, [release('same', 1)]);
    history.releasesChanged(1_000, [release('same', 2)]);
    history.releasesChanged(2_000, [release('worse', 3)]);
    history.releasesChanged(2_000 + RELEASE_VALUES_EVERY_MS, [release('worse', 4)]);
    expect(history.since(0).releases.map((e) => e.at)).toEqual([
      0,
      2_000,
      2_000 + RELEASE_VALUES_EVERY_MS,
    ]);
  });

  it('keeps the series that left within the window', () => {
    const history = new ConsoleHistory();
    history.seriesLeft(100, 'demo/errors.beta');
    expect(history.since(50).departed).toEqual([{ at: 100, key: 'demo/errors.beta' }]);
    expect(history.since(150).departed).toEqual([]);
  });
});
