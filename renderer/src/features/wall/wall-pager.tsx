// The bar over a paged wall: find a series, see where this page sits among
// what matches and how many alert, and turn the page.
import type { WallPage } from './wall-pages';

interface WallPagerProps {
  page: WallPage;
  shown: number;
  search: string;
  onSearch(search: string): void;
  onPage(page: number): void;
}

export function WallPager({ page, shown, search, onSearch, onPage }: WallPagerProps) {
  const range = shown > 0 ? `${page.first + 1}–${page.first + shown}` : '0';
  const of = `${page.matches.toLocaleString('en-US')} series${search.trim() ? ' found' : ''}`;
  return (
    <div className="wall-pager" data-testid="wall-pager" role="search">
      <input
        type="search"
        className="wall-pager__search"
        data-testid="wall-search"
        aria-label="Find series by title"
        placeholder="Find series…"
        value={search}
        onChange={(event) => onSearch(event.target.value)}
      />
      <span className="wall-pager__count" data-testid="wall-pager-count" aria-live="polite">
        {range} of {of}
        {page.alerting > 0 && (
          <span className="wall-pager__alerting"> · {page.alerting} alerting, shown first</span>
        )}
      </span>
      <span className="wall-pager__turn">
        <button
          type="button"
          data-testid="wall-page-previous"
          disabled={page.page === 0}
          onClick={() => onPage(page.page - 1)}
        >
          ‹ Previous
        </button>
        <span data-testid="wall-page">
          Page {page.page + 1} of {page.pages}
        </span>
        <button
          type="button"
          data-testid="wall-page-next"
          disabled={page.page >= page.pages - 1}
          onClick={() => onPage(page.page + 1)}
        >
          Next ›
        </button>
      </span>
    </div>
  );
}
