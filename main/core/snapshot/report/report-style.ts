// The report's only stylesheet, inline (the page may load nothing). A constant:
// no snapshot text is ever placed in it.
import { MARK_COLORS } from './report-chart';

export const REPORT_CSS = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; margin: 24px auto; max-width: 1100px; padding: 0 16px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #d8dce4; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 20px 0 6px; text-transform: capitalize; }
.meta { color: #5a6272; margin: 0; }
.notes { white-space: pre-wrap; background: #f6f7f9; border-left: 3px solid #8a93a6; padding: 8px 12px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid #eceef2; word-break: normal; hyphens: manual; }
/* Words are never broken: a header wraps between words only; a cell breaks only a run too long for any line (a URL, a key). */
th { background: #f2f4f7; overflow-wrap: normal; }
td { overflow-wrap: break-word; }
td.time { white-space: nowrap; }
p.chart-error { color: ${MARK_COLORS.critical}; margin: 4px 0; }
td.empty { color: #7a8294; font-style: italic; }
figure.chart { margin: 10px 0 14px; break-inside: avoid; }
figcaption { font-size: 13px; margin-bottom: 2px; }
figcaption .unit, figcaption .source { color: #5a6272; margin-left: 6px; }
figcaption .error { color: ${MARK_COLORS.critical}; margin-left: 6px; }
svg { display: block; max-width: 100%; height: auto; }
.legend span { display: inline-block; margin-right: 14px; }
.legend i { display: inline-block; width: 18px; height: 0; border-top: 2px solid; vertical-align: middle; margin-right: 4px; }
@media print { body { margin: 0; max-width: none; } section { break-inside: auto; } }
`;
