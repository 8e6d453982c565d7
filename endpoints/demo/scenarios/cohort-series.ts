// Series for one cohort of users: a ring running a version, or the baseline
// (everyone still on the version before the release). A release view finds
// them by their attributes: `metric` names the measure, `ring` and `version`
// the cohort, and `baseline: 'true'` marks what each ring is compared with.
import type { Procedure, SeriesInfo, Thresholds } from '../../../shared/protocol';
import type { DemoMetric } from '../demo-catalog';

export type CohortMeasure = 'errors' | 'p95' | 'users';

export interface Cohort {
  /** A Ring.id; absent for the baseline. */
  ring?: string;
  version: string;
}

/** Relative differences to the baseline a release gate accepts. */
const TOLERANCE = { errors: 0.5, p95: 0.25 } as const;
const QUICK = { forMs: 2_000, recoveryMs: 3_000 };

interface Measure {
  metric: string;
  title: string;
  info: Pick<SeriesInfo, 'level' | 'unit'> & { thresholds?: Thresholds };
  model: Omit<DemoMetric, 'info' | 'base'>;
  healthy: number;
}

const MEASURES: Record<CohortMeasure, Measure> = {
  errors: {
    metric: 'app.errors.ratio',
    title: 'Failed requests',
    info: {
      level: 'technical',
      unit: '%',
      thresholds: {
        warning: 1,
        critical: 2,
        direction: 'above',
        tolerance: TOLERANCE.errors,
        ...QUICK,
      },
    },
    model: { noise: 0.03, min: 0, max: 100, decimals: 2 },
    healthy: 0.3,
  },
  p95: {
    metric: 'http.server.request.duration.p95',
    title: 'Response time p95',
    info: {
      level: 'service',
      unit: 'ms',
      thresholds: {
        warning: 400,
        critical: 800,
        direction: 'above',
        tolerance: TOLERANCE.p95,
        ...QUICK,
      },
    },
    model: { noise: 8, min: 20, max: 10_000, decimals: 0 },
    healthy: 180,
  },
  users: {
    metric: 'app.users.active',
    title: 'Current users',
    info: { level: 'business', unit: '{user}' },
    model: { noise: 2, min: 0, max: 100_000, decimals: 0 },
    healthy: 0,
  },
};

/** Where a cohort series heads when nothing is wrong: a share of 0.3 % fails, p95 180 ms. */
export const HEALTHY = { errors: MEASURES.errors.healthy, p95: MEASURES.p95.healthy } as const;

/** `app.errors.ratio{ring=beta,version=5.9.0}`; the baseline has no ring. */
export function cohortSeriesId(measure: CohortMeasure, cohort: Cohort): string {
  const labels = cohort.ring
    ? `ring=${cohort.ring},version=${cohort.version}`
    : `version=${cohort.version}`;
  return `${MEASURES[measure].metric}{${labels}}`;
}

export function cohortMetric(
  measure: CohortMeasure,
  cohort: Cohort,
  extra: { service: string; procedures?: Procedure[]; base?: number },
): DemoMetric {
  const m = MEASURES[measure];
  const who = cohort.ring ? `${cohort.ring} on ${cohort.version}` : `baseline ${cohort.version}`;
  const attributes: Record<string, string> = cohort.ring
    ? { metric: m.metric, ring: cohort.ring, version: cohort.version }
    : { metric: m.metric, version: cohort.version, baseline: 'true' };
  const info: SeriesInfo = {
    id: cohortSeriesId(measure, cohort),
    title: `${m.title} (${who})`,
    kind: 'gauge',
    intervalMs: 1000,
    ...m.info,
    service: extra.service,
    attributes,
    ...(extra.procedures ? { procedures: extra.procedures } : {}),
  };
  return { info, base: extra.base ?? m.healthy, ...m.model };
}
