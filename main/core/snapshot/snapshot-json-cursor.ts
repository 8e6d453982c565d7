// Walks the members of a JSON object in a byte buffer without parsing their
// values, so the reader can JSON.parse a snapshot one piece at a time and yield
// in between: one JSON.parse of a whole 80 MB document holds the main process
// for over 100 ms, and V8 cannot even make a string of a document past 512 MB.
//
// The cursor only finds where values begin and end; JSON.parse still checks
// each value, so anything malformed inside one is refused there.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

export class JsonCursorError extends Error {
  constructor(
    message: string,
    /** The text ended early (a cut-off document), rather than being malformed. */
    readonly truncated: boolean,
  ) {
    super(message);
  }
}

/** Where the cursor stood, to go back to when a value turned out to be incomplete. */
export interface CursorMark {
  pos: number;
  open: boolean[];
}

export class JsonCursor {
  private pos = 0;
  /** Per open object: whether a member was read already (so a comma is due). */
  private open: boolean[] = [];

  /**
   * `bytes` may be the start of a document still being inflated: then `final`
   * is false, a value running into the end of `bytes` is reported as
   * truncated, and the caller resets to a mark and retries with more bytes.
   */
  constructor(
    private bytes: Uint8Array,
    private final = true,
  ) {}

  /** More of the same document has arrived (and perhaps all of it). */
  extend(bytes: Uint8Array, final: boolean): void {
    this.bytes = bytes;
    this.final = final;
  }

  get isFinal(): boolean {
    return this.final;
  }

  mark(): CursorMark {
    return { pos: this.pos, open: [...this.open] };
  }

  reset(mark: CursorMark): void {
    this.pos = mark.pos;
    this.open = [...mark.open];
  }

  /** The first byte of the document that is not whitespace, past a byte order mark. */
  start(): number {
    const bytes = this.bytes;
    // A UTF-8 byte order mark, as some editors write; wait until it is whole.
    if (this.pos === 0 && bytes[0] === 0xef) {
      if (bytes.length < 3) this.fail('the text ends inside a byte order mark', !this.final);
      if (bytes[1] === 0xbb && bytes[2] === 0xbf) this.pos = 3;
    }
    return this.peek() ?? this.expectValue();
  }

  /** The next byte that is not whitespace, without consuming it. */
  peek(): number | undefined {
    this.skipWhitespace();
    return this.bytes[this.pos];
  }

  /** Only whitespace remains. */
  atEnd(): boolean {
    return this.peek() === undefined;
  }

  /** Fails as "expected a value" (truncated if the text ended). */
  expectValue(): never {
    return this.fail('expected a value');
  }

  isObjectNext(): boolean {
    return this.peek() === OPEN_OBJECT;
  }

  enterObject(): void {
    if (!this.isObjectNext()) this.fail('expected an object');
    this.pos += 1;
    this.open.push(false);
  }

  /** Consumes `"key":` and returns the key, or consumes `}` and returns undefined. */
  nextKey(): string | undefined {
    const seen = this.open.at(-1);
    if (seen === undefined) throw new Error('nextKey() outside an object');
    let next = this.peek();
    if (next === CLOSE_OBJECT) {
      this.pos += 1;
      this.open.pop();
      return undefined;
    }
    if (seen) {
      if (next !== COMMA) this.fail('expected , or } after a member');
      this.pos += 1;
      next = this.peek();
    }
    if (next !== QUOTE) this.fail('expected a member name');
    const start = this.pos;
    this.pos = this.stringEnd(start);
    const key: unknown = JSON.parse(this.text(start, this.pos));
    if (this.peek() !== COLON) this.fail('expected : after a member name');
    this.pos += 1;
    this.open[this.open.length - 1] = true;
    return key as string;
  }

  /** Consumes the next value and returns it parsed. */
  parseValue(): unknown {
    const [start, end] = this.valueSpan();
    return JSON.parse(this.text(start, end));
  }

  private valueSpan(): [number, number] {
    const first = this.peek();
    const start = this.pos;
    if (first === undefined) this.fail('expected a value');
    if (first === QUOTE) this.pos = this.stringEnd(start);
    else if (first === OPEN_OBJECT || first === OPEN_ARRAY) this.pos = this.containerEnd(start);
    else this.pos = this.scalarEnd(start);
    return [start, this.pos];
  }

  /** Just past the closing quote of the string opening at `start`. */
  private stringEnd(start: number): number {
    const bytes = this.bytes;
    let from = start + 1;
    for (;;) {
      // indexOf is native: long base64 columns are skipped at memchr speed.
      const quote = bytes.indexOf(QUOTE, from);
      if (quote < 0) this.fail('the text ends inside a string', true);
      let slash = quote - 1;
      while (bytes[slash] === BACKSLASH) slash -= 1;
      if ((quote - 1 - slash) % 2 === 0) return quote + 1;
      from = quote + 1;
    }
  }

  /** Just past the bracket that closes the one at `start`; JSON.parse checks the pairing. */
  private containerEnd(start: number): number {
    const bytes = this.bytes;
    let depth = 0;
    let i = start;
    while (i < bytes.length) {
      const byte = bytes[i] as number;
      if (byte === QUOTE) {
        i = this.stringEnd(i);
        continue;
      }
      if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) depth += 1;
      else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
      i += 1;
    }
    return this.fail('the text ends inside an object or array', true);
  }

  /** A number, true, false or null runs until a delimiter. */
  private scalarEnd(start: number): number {
    const bytes = this.bytes;
    let i = start;
    while (i < bytes.length && !isDelimiter(bytes[i] as number)) i += 1;
    // `12` at the end of what has arrived may be the start of `1234`.
    if (i === bytes.length && !this.final) this.fail('the text ends inside a value', true);
    return i;
  }

  private skipWhitespace(): void {
    const bytes = this.bytes;
    while (this.pos < bytes.length && isWhitespace(bytes[this.pos] as number)) this.pos += 1;
  }

  private text(start: number, end: number): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + start, end - start).toString(
      'utf8',
    );
  }

  private fail(message: string, truncated = this.pos >= this.bytes.length): never {
    throw new JsonCursorError(`${message} at byte ${this.pos}`, truncated);
  }
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function isDelimiter(byte: number): boolean {
  return (
    byte === COMMA ||
    byte === CLOSE_OBJECT ||
    byte === CLOSE_ARRAY ||
    byte === COLON ||
    isWhitespace(byte)
  );
}
