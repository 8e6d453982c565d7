// The rings in rollout order (internal → beta → 10 % → 50 % → all): each
// one's share of users, version and status, and how long its version has run
// there, counting up every second. The ring the release is in now is marked;
// while its gates are worse beyond tolerance it says FAILING, not ACTIVE.
import type { Ring } from '../../../../shared/protocol';
import type { ReleaseStatus } from '../../../../shared/api/releases';
import { formatDuration, formatShare } from './release-format';
import { useNow } from '../../ui/now-ticker';

export type RingState = 'active' | 'failing' | 'halted' | 'complete' | 'waiting' | 'steady';

const STATE_WORDS: Record<RingState, { icon: string; text: string }> = {
  active: { icon: '▶', text: 'Active' },
  failing: { icon: '✖', text: 'Failing' },
  // Not ⏸: many fonts (Linux walls especially) have no glyph for it and draw a box.
  halted: { icon: '‖', text: 'Halted' },
  complete: { icon: '✓', text: 'Complete' },
  waiting: { icon: '○', text: 'Not reached' },
  steady: { icon: '•', text: 'Steady' },
};

export function ringState(ring: Ring, release: ReleaseStatus | undefined): RingState {
  if (!release) return 'steady';
  const failing = release.failing !== undefined && release.ring.id === ring.id;
  if (failing && ring.status === 'active') return 'failing';
  return ring.status ?? 'waiting';
}

interface ReleaseRingsProps {
  rings: Ring[];
  release: ReleaseStatus | undefined;
}

export function ReleaseRings({ rings, release }: ReleaseRingsProps) {
  const now = useNow();
  return (
    <ol className="release-rings" aria-label="Rings, in rollout order">
      {rings.map((ring) => (
        <RingStep
          key={ring.id}
          ring={ring}
          state={ringState(ring, release)}
          current={release?.ring.id === ring.id}
          carriesRelease={release !== undefined && ring.version === release.version}
          now={now}
        />
      ))}
    </ol>
  );
}

interface RingStepProps {
  ring: Ring;
  state: RingState;
  current: boolean;
  carriesRelease: boolean;
  now: number;
}

function RingStep({ ring, state, current, carriesRelease, now }: RingStepProps) {
  const words = STATE_WORDS[state];
  return (
    <li
      className={`release-ring release-ring--${state}${current ? ' release-ring--current' : ''}`}
      data-testid="release-ring"
      data-ring={ring.id}
      data-status={state}
      data-version={ring.version}
      aria-current={current ? 'step' : undefined}
    >
      <div className="release-ring__head">
        <span className="release-ring__name">{ring.name}</span>
        {current && <span className="release-ring__here">Release is here</span>}
      </div>
      <div className="release-ring__share">
        <span>{formatShare(ring.share)} of users</span>
        <span className="release-ring__bar" aria-hidden="true">
          <span className="release-ring__fill" style={{ width: `${ring.share * 100}%` }} />
        </span>
      </div>
      <div className="release-ring__line">
        <span
          className={`release-ring__version${carriesRelease ? ' release-ring__version--release' : ''}`}
          data-testid="release-ring-version"
        >
          {ring.version}
        </span>
        <span className={`release-ring__state release-ring__state--${state}`}>
          <span aria-hidden="true">{words.icon} </span>
          {words.text}
        </span>
      </div>
      <div className="release-ring__time" data-testid="release-ring-time">
        {ring.since === undefined
          ? state === 'waiting'
            ? 'Runs the baseline'
            : 'No start time reported'
          : `On ${ring.version} for ${formatDuration(now - ring.since)}`}
        {current && ring.minSoakMs !== undefined && (
          <span className="release-ring__soak">
            {' '}
            (soaks at least {formatDuration(ring.minSoakMs)})
          </span>
        )}
      </div>
    </li>
  );
}
