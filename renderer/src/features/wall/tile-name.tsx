// A tile's name, shortened in its middle (measured in the DOM) so it fits
// beside its chip; the words that tell it from other tiles stay whole.
// Measured again only when the name or its box's width changes, never on a
// render that changed neither (a new sample, a clock tick).
import {
  memo,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type Dispatch,
  type MouseEvent,
  type RefObject,
  type SetStateAction,
} from 'react';
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

const UNSETTLED: Shortened = { key: '', text: '', settled: false };

/**
 * Starts the name again from its full text when its box changes width after
 * it settled (a page still mounting, a resize): a ResizeObserver reports it,
 * after layout, so no render has to read layout to find out.
 */
function useRestartOnResize(
  ref: RefObject<HTMLElement | null>,
  element: string,
  setState: Dispatch<SetStateAction<Shortened>>,
): void {
  useEffect(() => {
    const observed = ref.current;
    if (!observed) return;
    const observer = new ResizeObserver(() => {
      const width = Math.round(observed.getBoundingClientRect().width);
      setState((state) => {
        // Not measured yet (no width then): measure now that it has one.
        if (!state.settled) return { ...state };
        return state.width !== undefined && state.width !== width ? UNSETTLED : state;
      });
    });
    observer.observe(observed);
    return () => observer.disconnect();
  }, [ref, element, setState]);
}

// Memoised: the tile re-renders with each sample; its name only with its own props.
export const TileName = memo(function TileName({
  parts,
  label,
  roomKey,
  onOpen,
  describedBy,
}: TileNameProps) {
  const ref = useRef<HTMLButtonElement & HTMLSpanElement>(null);
  const key = `${parts.name}|${parts.keep}|${roomKey}`;
  const [state, setState] = useState<Shortened>(UNSETTLED);
  const current = state.key === key ? state : { key, text: parts.name, settled: false };
  useRestartOnResize(ref, onOpen ? 'button' : 'span', setState);

  useLayoutEffect(() => {
    if (current.settled) return;
    const element = ref.current;
    if (!element || element.clientWidth === 0) return;
    const width = Math.round(element.getBoundingClientRect().width);
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
  }, [current, key, parts]);

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
});
