// Which of several texts, longest first, a header item shows: the first whose
// measured width fits the item's box. Measured again only when the header's
// width or the texts change, so the per-second tick costs nothing.
import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

interface Choice {
  key: string;
  index: number;
  settled: boolean;
}

/** Its content is wider than its box (fractional px: a 0.4 px overflow is still cut). */
function overflows(element: HTMLElement): boolean {
  const content = document.createRange();
  content.selectNodeContents(element);
  return content.getBoundingClientRect().width > element.getBoundingClientRect().width + 0.01;
}

function useHeaderWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const header = ref.current?.closest('header');
    if (!header) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(header);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export function useFirstThatFits(ref: RefObject<HTMLElement | null>, texts: string[]): number {
  const width = useHeaderWidth(ref);
  const key = `${width}|${texts.join('\u0000')}`;
  const [choice, setChoice] = useState<Choice>({ key: '', index: 0, settled: false });
  const current = choice.key === key ? choice : { key, index: 0, settled: false };
  useLayoutEffect(() => {
    if (current.settled || !ref.current || width === 0) return;
    const last = current.index >= texts.length - 1;
    if (last || !overflows(ref.current)) setChoice({ ...current, settled: true });
    else setChoice({ key, index: current.index + 1, settled: false });
  });
  return Math.min(current.index, texts.length - 1);
}
