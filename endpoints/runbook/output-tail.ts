// The last lines a command printed, cleaned for a status message: Ansible's
// banner stars and colour codes stripped, blank lines skipped, the whole kept
// within the protocol's 2,000 characters (the newest lines win).
const MESSAGE_LIMIT = 2_000;
// eslint-disable-next-line no-control-regex -- terminal colour codes are control characters
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export class OutputTail {
  private readonly lines: string[] = [];

  constructor(private readonly keep: number) {}

  add(raw: string[]): void {
    for (const line of raw) {
      const clean = line
        .replace(ANSI, '')
        .replace(/\s*\*{3,}\s*$/, '')
        .trimEnd();
      if (!clean.trim()) continue;
      this.lines.push(clean.length > 400 ? `${clean.slice(0, 399)}…` : clean);
      if (this.lines.length > this.keep) this.lines.shift();
    }
  }

  get empty(): boolean {
    return this.lines.length === 0;
  }

  /** `head` first, then as many of the last lines as fit. */
  message(head: string): string {
    let body = this.lines.join('\n');
    const room = MESSAGE_LIMIT - head.length - 1;
    if (body.length > room) body = `…${body.slice(body.length - room + 1)}`;
    return body ? `${head}\n${body}` : head.slice(0, MESSAGE_LIMIT);
  }
}
