// HTML escaping for the report. Every string that comes from a snapshot (a
// file from anywhere) goes through escapeHtml before it reaches the page, in
// text and in double-quoted attributes alike.
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Epoch ms as `2025-01-15 12:00:00Z`: UTC, so a report reads the same everywhere. */
export function utcTime(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z`;
}
