// A tile's name, shortened in its middle (measured in the DOM) so it fits
// beside its chip; the words that tell it from other tiles stay whole.
// Measured again only when the name or the tile's width changes.
import { useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import { shortenName, type TitleParts } from './title-parts';

interface TileNameProps {
  parts: TitleParts;
  /** The whole title, for screen readers when the name is shortened. */
  label: string;
  roomKey: string;
  /** A button that opens the detail; plain text while arranging. */
  onOpen?: (event: MouseEvent) => void;
  describedBy: string;
}

interface Shortened {
  key: string;
  text: string;
  settled: boolean;
  /** The box width the text was settled for: another width measures again from the full name. */
  width?: number;
}

export function TileName({ parts, label, roomKey, onOpen, describedBy }: TileNameProps) {
  const ref = useRef<HTMLButtonElement & HTMLSpanElement>(null);
  const key = `${parts.name}|${parts.keep}|${roomKey}`;
  const [state, setState] = useState<Shortened>({ key: '', text: '', settled: false });
  const current = state.key === key ? state : { key, text: parts.name, settled: false };

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || element.clientWidth === 0) return;
    const width = Math.round(element.getBoundingClientRect().width);
    if (current.settled) {
      // Settled while the tile was narrower (a page still mounting, a resize): start again.
      if (width !== current.width) setState({ key, text: parts.name, settled: false });
      return;
    }
    // Fractional widths: a text 0.4 px too wide is cut by the CSS ellipsis.
    const text = document.createRange();
    text.selectNodeContents(element);
    const scrollWidth = text.getBoundingClientRect().width;
    const clientWidth = element.getBoundingClientRect().width;
    if (scrollWidth <= clientWidth + 0.01) return setState({ ...current, settled: true, width });
    const chars = current.text.length;
    const estimate = Math.min(chars - 1, Math.floor((chars * clientWidth) / scrollWidth));
    const shorter = shortenName(parts.name, parts.keep, estimate);
    setState({ key, text: shorter, settled: shorter === current.text, width });
  });

  const common = { ref, 'data-testid': 'tile-name' };
  if (!onOpen)
    return (
      <span className="tile__name" {...common}>
        {current.text}
      </span>
    );
  return (
    <button
      type="button"
      className="tile__open"
      aria-label={label}
      aria-describedby={describedBy}
      onClick={onOpen}
      {...common}
    >
      {current.text}
    </button>
  );
}
