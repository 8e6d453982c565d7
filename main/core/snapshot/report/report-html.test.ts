// The incident report: one self-contained page that loads nothing, runs
// nothing, shows every snapshot string as text, and has one chart per series.
import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, type Snapshot } from '../../../../shared/api/snapshot';
import { escapeHtml } from './report-escape';
import { REPORT_CSP, renderReport, renderReportAsync } from './report-html';
import { MARK_COLORS } from './report-chart';

const T = Date.UTC(2025, 0, 15, 11, 0, 0);
const s = (seconds: number) => T + seconds * 1000;
const iso = (seconds: number) => new Date(s(seconds)).toISOString();

const HOSTILE = [
  '<script>alert(1)</script>',
  '" onload="alert(2)',
  "' onerror='alert(3)",
  '</style><script>alert(4)</script>',
  '<img src=x onerror=alert(5)>',
  '<svg onload=alert(6)>',
  '</title><iframe src="https://evil.example/">',
  ']]><script>alert(7)</script>',
];
const evil = (i: number) => HOSTILE[i % HOSTILE.length] as string;

function points(n: number, f: (i: number) => number) {
  const t = Array.from({ length: n }, (_, i) => s(i));
  return { t, v: t.map((_, i) => f(i)) };
}

function snapshot(hostile: boolean): Snapshot {
  const text = (i: number, plain: string) => (hostile ? `${plain} ${evil(i)}` : plain);
  const rollback = {
    action: 'deploy.rollback' as const,
    args: { service: 'billing', environment: 'production' },
  };
  return {
    format: 'watchfloor.snapshot',
    version: 2,
    meta: {
      title: text(0, 'Billing outage'),
      notes: text(1, 'Line one\nLine two'),
      createdAt: s(600),
      createdBy: text(2, 'ana'),
      appVersion: text(3, '0.1.0'),
      window: { from: s(0), to: s(600) },
    },
    endpoints: [
      {
        id: 'demo',
        url: text(4, 'ws://127.0.0.1:7400'),
        name: text(5, 'Demo'),
        state: 'open',
        clockSkewMs: 4,
      },
    ],
    series: [
      {
        key: 'demo/users',
        endpointId: 'demo',
        id: 'users',
        title: text(6, 'Active users'),
        level: 'business',
        unit: text(7, '{user}'),
        kind: 'gauge',
        intervalMs: 1000,
      },
      {
        key: 'demo/avail',
        endpointId: 'demo',
        id: 'avail',
        title: 'Availability',
        level: 'service',
        unit: '%',
        kind: 'gauge',
        intervalMs: 1000,
        service: 'billing',
        thresholds: { warning: 99.5, critical: 99, direction: 'below' },
      },
      {
        key: 'demo/cpu',
        endpointId: 'demo',
        id: 'cpu',
        title: 'CPU',
        level: 'technical',
        unit: '%',
        kind: 'gauge',
        intervalMs: 1000,
        error: text(0, 'query failed'),
      },
      {
        key: `demo/${hostile ? evil(1) : 'mem'}`,
        endpointId: 'demo',
        id: 'mem',
        title: 'Memory',
        level: 'technical',
        unit: 'By',
        kind: 'gauge',
        intervalMs: 1000,
      },
      {
        key: 'demo/empty',
        endpointId: 'demo',
        id: 'empty',
        title: 'Never reported',
        level: 'technical',
        unit: '{signup}/min',
        kind: 'gauge',
        intervalMs: 1000,
      },
    ],
    points: {
      'demo/users': points(601, (i) => 4800 + (i % 40)),
      'demo/avail': points(601, (i) => (i > 200 && i < 300 ? 98.5 : 99.9)),
      'demo/cpu': points(3601, (i) => 40 + Math.sin(i / 30) * 10),
      [`demo/${hostile ? evil(1) : 'mem'}`]: points(10, (i) => i),
      'demo/empty': { t: [], v: [] },
    },
    deployments: [
      {
        endpointId: 'demo',
        resourceVersion: 3,
        services: [
          {
            id: 'billing',
            name: text(2, 'Billing'),
            environments: [
              {
                id: 'production',
                version: '2.13.2',
                previousVersions: ['2.13.1'],
                status: 'healthy',
                updatedAt: s(290),
              },
            ],
          },
        ],
      },
    ],
    events: [
      {
        specversion: '1.0',
        id: 'e1',
        source: text(3, 'demo'),
        type: text(4, 'deploy.started'),
        time: iso(210),
        subject: 'billing/production',
        endpointId: 'demo',
      },
    ],
    actions: [
      {
        ...rollback,
        endpointId: 'demo',
        key: 'intent-1234',
        state: 'succeeded',
        operator: text(5, 'ana'),
        reason: text(6, 'availability'),
        message: text(7, 'done'),
        submittedAt: s(250),
        updatedAt: s(290),
      },
    ],
    alerts: [
      {
        id: 'alert-1',
        seriesKey: 'demo/avail',
        endpointId: 'demo',
        title: text(0, 'Availability'),
        severity: 'critical',
        state: 'resolved',
        since: s(201),
        firedAt: s(203),
        resolvedAt: s(303),
      },
    ],
    alertTimeline: [
      {
        at: s(203),
        alertId: 'alert-1',
        state: 'firing',
        note: text(1, 'critical fired'),
        value: 98.5,
      },
      {
        at: s(303),
        alertId: 'alert-1',
        state: 'resolved',
        note: text(2, 'back within bounds'),
        value: 99.9,
      },
    ],
    audit: [
      {
        seq: 1,
        at: iso(250),
        operator: text(3, 'ana'),
        endpointId: 'demo',
        key: 'intent-1234',
        ...rollback,
        state: 'pending',
        reason: text(4, 'why'),
      },
    ],
    annotations: [
      {
        id: 'n1',
        at: s(260),
        text: text(5, 'rolled back'),
        author: text(6, 'bo'),
        seriesKey: 'demo/avail',
      },
      { id: 'n2', at: s(100), text: text(7, 'first reports'), author: 'ana' },
    ],
    releases: [
      {
        endpointId: 'demo',
        service: 'billing',
        serviceName: text(0, 'Billing'),
        environment: 'production',
        version: '2.14.0',
        baselineVersion: '2.13.2',
        rings: [{ id: 'canary', name: text(1, 'Canary'), share: 0.05, version: '2.14.0' }],
        ring: { id: 'canary', name: text(1, 'Canary'), share: 0.05, version: '2.14.0' },
        gates: [
          {
            metric: 'errors',
            title: text(2, 'Error rate'),
            unit: '%',
            releaseKey: 'demo/errors-canary',
            difference: 0.124,
            tolerance: 0.1,
            direction: 'above',
            verdict: 'worse',
          },
        ],
        promote: { allowed: false, reason: text(3, 'error rate is worse than the baseline') },
      },
    ],
    history: {
      ...EMPTY_HISTORY,
      recorded: true,
      deployments: [
        { at: s(50), deployments: billingAt('2.13.2', ['2.13.1'], text(2, 'Billing')) },
        { at: s(100), deployments: billingAt('2.14.0', ['2.13.2'], text(2, 'Billing')) },
        { at: s(290), deployments: billingAt('2.13.2', ['2.14.0'], text(2, 'Billing')) },
      ],
    },
  };
}

function billingAt(version: string, previousVersions: string[], name: string) {
  return {
    endpointId: 'demo',
    resourceVersion: 3,
    services: [
      {
        id: 'billing',
        name,
        environments: [
          { id: 'production', version, previousVersions, status: 'healthy' as const, updatedAt: 0 },
        ],
      },
    ],
  };
}

/** Every tag in the page: escaped text cannot contain `<`, so these are all real markup. */
const tags = (html: string) => html.match(/<[a-zA-Z][^>]*>/g) ?? [];
const tagNames = (html: string) =>
  new Set(tags(html).map((tag) => /^<([a-zA-Z][a-zA-Z0-9]*)/.exec(tag)?.[1]));

/** The figure of the series whose caption shows `title`. */
function figureOf(html: string, title: string): string {
  const figures = html.split('<figure class="chart">').slice(1);
  return figures.find((f) => f.includes(`<strong>${title}</strong>`)) ?? '';
}

describe('renderReport', () => {
  const clean = renderReport(snapshot(false));
  const hostile = renderReport(snapshot(true));

  it('escapes every string from the snapshot', () => {
    for (const payload of HOSTILE) {
      expect(hostile).not.toContain(payload);
      expect(hostile).toContain(escapeHtml(payload));
    }
  });

  it('contains no script, no event handler and no element that loads anything', () => {
    for (const html of [clean, hostile]) {
      expect(html).not.toMatch(/<script/i);
      for (const tag of tags(html)) {
        expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
        expect(tag).not.toMatch(/\s(src|href|xlink:href|action|formaction)\s*=/i);
        expect(tag).not.toMatch(/javascript:/i);
      }
      const allowed = new Set([
        'html',
        'head',
        'meta',
        'title',
        'style',
        'body',
        'header',
        'h1',
        'h2',
        'h3',
        'p',
        'div',
        'section',
        'table',
        'thead',
        'tbody',
        'tr',
        'th',
        'td',
        'figure',
        'figcaption',
        'strong',
        'span',
        'i',
        'svg',
        'g',
        'path',
        'rect',
        'text',
        'polygon',
        'polyline',
        'defs',
        'clipPath',
        'tspan',
        'line',
        'circle',
      ]);
      for (const name of tagNames(html)) expect(allowed, `<${name}>`).toContain(name);
    }
    expect(tagNames(hostile)).toEqual(tagNames(clean));
  });

  it('keeps its one stylesheet whole: a snapshot string cannot close it', () => {
    for (const html of [clean, hostile]) {
      expect(html.match(/<style/g)).toHaveLength(1);
      expect(html.match(/<\/style>/g)).toHaveLength(1);
      expect(html.match(/<title>/g)).toHaveLength(1);
      expect(html.match(/<\/title>/g)).toHaveLength(1);
    }
  });

  it('is self-contained: a strict CSP and no reference to anything outside the page', () => {
    expect(clean.startsWith('<!doctype html>')).toBe(true);
    const csp = `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`;
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(clean).toContain(csp);
    expect(clean.indexOf(csp)).toBeLessThan(clean.indexOf('<style'));
    expect(clean).not.toMatch(/https?:\/\//);
    expect(clean).not.toMatch(/src=|href=|@import/);
    for (const url of clean.match(/url\([^)]*\)/g) ?? []) expect(url).toMatch(/^url\(#/);
  });

  it('draws one chart per series, grouped by level', () => {
    for (const html of [clean, hostile]) {
      expect(html.match(/<figure class="chart">/g)).toHaveLength(5);
      expect(html.match(/<svg/g)).toHaveLength(5);
    }
    const business = clean.indexOf('<h3>business</h3>');
    const service = clean.indexOf('<h3>service</h3>');
    const technical = clean.indexOf('<h3>technical</h3>');
    expect(business).toBeGreaterThan(0);
    expect(business).toBeLessThan(clean.indexOf('<strong>Active users</strong>'));
    expect(clean.indexOf('<strong>Active users</strong>')).toBeLessThan(service);
    expect(service).toBeLessThan(clean.indexOf('<strong>Availability</strong>'));
    expect(clean.indexOf('<strong>Availability</strong>')).toBeLessThan(technical);
    expect(technical).toBeLessThan(clean.indexOf('<strong>CPU</strong>'));
  });

  it('marks thresholds, events, actions, annotations and firing spells on the right chart', () => {
    const availability = figureOf(clean, 'Availability');
    for (const color of [
      MARK_COLORS.warning,
      MARK_COLORS.critical,
      MARK_COLORS.event,
      MARK_COLORS.action,
      MARK_COLORS.annotation,
    ]) {
      expect(availability, color).toContain(color);
    }
    const firing = /<polygon[^>]*fill="rgb\(208,48,48\)" fill-opacity="0\.12"/;
    expect(availability).toMatch(firing);
    const users = figureOf(clean, 'Active users');
    expect(users).not.toMatch(firing);
    for (const color of [MARK_COLORS.warning, MARK_COLORS.event, MARK_COLORS.action]) {
      expect(users, color).not.toContain(color);
    }
  });

  it('starts a firing spell at the first firing even when the bounded timeline lost it', () => {
    const base = snapshot(false);
    const trimmed: Snapshot = {
      ...base,
      // The first firing (203 s) fell off; an escalation note at 250 s stayed.
      alertTimeline: [
        { at: s(250), alertId: 'alert-1', state: 'firing', note: 'escalated', value: 98 },
        ...base.alertTimeline.filter((t) => t.state !== 'firing'),
      ],
    };
    const spell = (html: string) =>
      figureOf(html, 'Availability').match(/<polygon[^>]*fill="rgb\(208,48,48\)"[^>]*>/)?.[0];
    expect(spell(renderReport(base))).toBeDefined();
    expect(spell(renderReport(trimmed))).toBe(spell(renderReport(base)));
  });

  it('gives every SVG element id a page-unique name', () => {
    const ids = clean.match(/\sid="[^"]*"/g) ?? [];
    expect(ids.length).toBeGreaterThanOrEqual(5);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows the notes, the alert timeline, the actions and the audit entries', () => {
    expect(clean).toContain('<div class="notes">Line one\nLine two</div>');
    expect(clean).toContain(
      '<td class="time">2025-01-15 11:03:23Z</td><td>Availability (critical)</td><td>firing</td><td>critical fired</td><td>98.5 %</td>',
    );
    expect(clean).toContain(
      '<td>Rolled back Billing in production from 2.14.0 to the previous version: succeeded, by ana, reason: availability (done).</td>',
    );
    expect(clean).toContain('<section id="audit">');
    expect(clean).toContain('<td>rolled back</td>');
    expect(clean).toContain(
      '<td>Canary (5%)</td><td>Error rate: worse (+12.4%)</td><td>blocked: error rate is worse than the baseline</td>',
    );
  });

  it('writes no raw JSON and every unit as the wall does', () => {
    expect(clean).not.toMatch(/\{&quot;|&quot;:/);
    expect(figureOf(clean, 'Never reported')).toContain('<span class="unit">signups/min</span>');
    expect(clean).not.toContain('{signup}');
  });

  it('lists deploys and rollbacks in a deployment timeline', () => {
    const section = clean.slice(clean.indexOf('<section id="deployment-timeline">'));
    expect(section).toContain(
      '<td class="time">2025-01-15 11:01:40Z</td><td>deployed</td><td>Billing production: 2.13.2 → 2.14.0 (deployed)</td>',
    );
    expect(section).toContain(
      '<td class="time">2025-01-15 11:04:50Z</td><td>rolled back</td><td>Billing production: 2.14.0 → 2.13.2 (rolled back)</td>',
    );
  });

  it("fits each chart's time axis to its data, not to the window", () => {
    // Memory has 10 s of points in a 10 min window: its axis labels never reach 11:05.
    const memory = figureOf(clean, 'Memory');
    expect(memory).toContain('<svg');
    expect(memory).not.toMatch(/>11:0[1-9]</);
    expect(figureOf(clean, 'Active users')).toMatch(/>11:0[5-9]</);
  });

  it('exports thresholds of ±1e308 and denormal values', () => {
    const extreme = snapshot(false);
    extreme.series = extreme.series.map((series) =>
      series.key === 'demo/avail'
        ? { ...series, thresholds: { warning: 1e308, critical: -1e308, direction: 'above' } }
        : series,
    );
    extreme.points = { ...extreme.points, 'demo/users': points(50, (i) => (i % 2 ? 5e-324 : 0)) };
    const html = renderReport(extreme);
    expect(html.match(/<svg/g)).toHaveLength(5);
    expect(html).not.toContain('could not be drawn');
  });

  it('renders the same page when yielding between charts', async () => {
    const normalise = (html: string) => html.replace(/zr\d+-/g, 'zr-');
    expect(normalise(await renderReportAsync(snapshot(true)))).toBe(normalise(hostile));
  });
});
