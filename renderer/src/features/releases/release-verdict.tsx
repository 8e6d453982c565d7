// A gate's verdict by colour, icon and word together: none of them alone
// carries the meaning (colour-blind operators, monochrome screens).
import type { GateVerdict } from '../../../../shared/api/releases';

const WORDS: Record<GateVerdict, { icon: string; text: string }> = {
  better: { icon: '▲', text: 'Better' },
  same: { icon: '=', text: 'Same' },
  worse: { icon: '✖', text: 'Worse' },
  nodata: { icon: '?', text: 'No data' },
};

export function ReleaseVerdict({ verdict }: { verdict: GateVerdict }) {
  const words = WORDS[verdict];
  return (
    <span className={`release-verdict release-verdict--${verdict}`} data-testid="gate-verdict">
      <span className="release-verdict__icon" aria-hidden="true">
        {words.icon}
      </span>
      {words.text}
    </span>
  );
}
