// The words of a flag's switch in one ring: its state, and what a click will
// do, with the share of users it reaches.
import type { Ring } from '../../../../shared/protocol';

const share = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const shareOf = (ring: Ring): string => `${share.format(ring.share * 100)} % of users`;

/** "beta · 5 %": the ring and the share of users it reaches. */
export const ringHeading = (ring: Ring): string =>
  `${ring.id} · ${share.format(ring.share * 100)} %`;

export function flagSwitchWords(
  flag: string,
  on: boolean,
  ring: Ring | undefined,
): { label: string; hint: string } {
  const scope = ring ? `for ${ring.id}` : 'for everyone';
  const reach = ring ? ` (${shareOf(ring)})` : '';
  return {
    label: `${flag} ${scope}`,
    hint: `Turn ${on ? 'off' : 'on'} ${scope}${reach}`,
  };
}
