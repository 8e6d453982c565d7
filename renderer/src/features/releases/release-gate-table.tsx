// The gates of the ring a release is in: for each gate metric, the release's
// value there against the baseline version's, their difference, how much is
// tolerated, and the verdict. A chart per gate follows the table.
import type { ReleaseGate, ReleaseStatus } from '../../../../shared/api/releases';
import { ReleaseGateChart } from './release-gate-chart';
import { formatDifference, formatTolerance, gateLimit, gateName } from './release-format';
import { ReleaseVerdict } from './release-verdict';
import { formatValue } from '../../ui/value-format';

function reading(value: number | undefined, unit: string): string {
  if (value === undefined) return '–';
  const { text, unit: shown } = formatValue(value, unit);
  return `${text} ${shown}`.trimEnd();
}

export function ReleaseGateTable({ release }: { release: ReleaseStatus }) {
  const { gates, ring, version, baselineVersion } = release;
  return (
    <section className="release-gates" aria-labelledby="release-gates-title">
      <h3 className="release-section__title" id="release-gates-title">
        Gates in {ring.name}
      </h3>
      {gates.length === 0 ? (
        <p className="release-empty">
          No gate metrics for {ring.name}: nothing compares it with the baseline.
        </p>
      ) : (
        <>
          <table className="release-gate-table">
            <caption className="visually-hidden">
              {version} in {ring.name} against the baseline {baselineVersion}, averaged over the
              last 30 seconds
            </caption>
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">Release {version}</th>
                <th scope="col">Baseline {baselineVersion}</th>
                <th scope="col">Difference</th>
                <th scope="col">Tolerance</th>
                <th scope="col">Verdict</th>
              </tr>
            </thead>
            <tbody>
              {gates.map((gate) => (
                <GateRow key={gate.metric} gate={gate} />
              ))}
            </tbody>
          </table>
          <div className="release-gate-charts">
            {gates.map((gate) => (
              <ReleaseGateChart
                key={`${gate.releaseKey}|${gate.baselineKey ?? ''}`}
                title={gateName(gate)}
                releaseKey={gate.releaseKey}
                baselineKey={gate.baselineKey}
                unit={gate.unit}
                limit={gateLimit(gate)}
                releaseLabel={`${version} in ${ring.name}`}
                baselineLabel={`Baseline ${baselineVersion}`}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function GateRow({ gate }: { gate: ReleaseGate }) {
  return (
    <tr
      className={`gate-row gate-row--${gate.verdict}`}
      data-testid="gate-row"
      data-metric={gate.metric}
      data-verdict={gate.verdict}
    >
      <th scope="row" data-label="Metric">
        {gateName(gate)}
        <span className="gate-row__direction">
          {gate.direction === 'above' ? 'higher is worse' : 'lower is worse'}
        </span>
      </th>
      <td data-label="Release" className="gate-row__number">
        {reading(gate.releaseValue, gate.unit)}
      </td>
      <td data-label="Baseline" className="gate-row__number">
        {reading(gate.baselineValue, gate.unit)}
      </td>
      <td data-label="Difference" className="gate-row__number" data-testid="gate-difference">
        {formatDifference(gate.difference)}
      </td>
      <td data-label="Tolerance" className="gate-row__number">
        {formatTolerance(gate)}
      </td>
      <td data-label="Verdict">
        <ReleaseVerdict verdict={gate.verdict} />
      </td>
    </tr>
  );
}
