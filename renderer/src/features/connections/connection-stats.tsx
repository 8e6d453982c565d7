// A link's figures: round trip, clock skew, message rate, frame and sample
// counters, series, token and where the endpoint was configured.
import type { EndpointStatus } from '../../../../shared/api/links';
import { formatNumber } from '../../ui/value-format';

const SOURCE_LABEL: Record<EndpointStatus['source'], string> = {
  settings: 'settings',
  cli: 'command line',
  demo: 'embedded demo',
};

interface Figure {
  label: string;
  value: string;
  /** Explains the figure on hover. */
  hint?: string;
  /** A counter that should be zero and is not. */
  bad?: boolean;
}

function signedMs(ms: number): string {
  return `${ms > 0 ? '+' : ms < 0 ? '−' : ''}${formatNumber(Math.abs(Math.round(ms)))} ms`;
}

function figures(endpoint: EndpointStatus): Figure[] {
  const { rttMs, clockSkewMs } = endpoint;
  return [
    {
      label: 'Round trip',
      value: rttMs === undefined ? '–' : `${formatNumber(Math.round(rttMs))} ms`,
      hint: 'Last ping round trip',
    },
    {
      label: 'Clock skew',
      value: clockSkewMs === undefined ? '–' : signedMs(clockSkewMs),
      hint: 'Endpoint clock minus ours, at handshake',
    },
    {
      label: 'Message rate',
      value: `${formatNumber(endpoint.messageRate)} msg/s`,
      hint: 'Frames received per second, over the last few seconds',
    },
    { label: 'Frames received', value: formatNumber(endpoint.framesReceived) },
    {
      label: 'Frames rejected',
      value: formatNumber(endpoint.framesRejected),
      bad: endpoint.framesRejected > 0,
    },
    {
      label: 'Samples dropped',
      value: formatNumber(endpoint.samplesDropped),
      bad: endpoint.samplesDropped > 0,
    },
    { label: 'Series', value: formatNumber(endpoint.seriesCount) },
    { label: 'Token', value: endpoint.hasToken ? 'yes' : 'no' },
    { label: 'Source', value: SOURCE_LABEL[endpoint.source] },
  ];
}

export function ConnectionStats({ endpoint }: { endpoint: EndpointStatus }) {
  return (
    <dl className="connection-stats">
      {figures(endpoint).map((figure) => (
        <div
          key={figure.label}
          className={`connection-stats__item${figure.bad ? ' connection-stats__item--bad' : ''}`}
          title={figure.hint}
        >
          <dt>{figure.label}</dt>
          <dd>
            {figure.bad && <span aria-hidden="true">▲ </span>}
            {figure.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
