/**
 * Cuts streamed CSV text into pieces that end on a record boundary, so each piece can go to
 * PapaParse on its own (PapaParse's own chunk mode needs a File or a Node stream; this works on
 * any text source). A newline inside a quoted field is not a boundary. The scanner follows
 * PapaParse's reading of quotes: a quote opens a quoted field only at the start of a field, a
 * doubled quote inside is a literal quote, and a quote followed by anything but a delimiter or a
 * line break is taken literally.
 */

const enum State {
  FieldStart,
  Unquoted,
  InQuote,
  QuoteInQuote,
}

/** Where an unclosed quoted field began. */
export interface OpenQuote {
  /** 0-based record index counted from the start of the file. */
  record: number;
  /** 1-based field number within the record. */
  field: number;
}

/** Incremental record-boundary finder; feed text, take complete records. */
export class CsvRecordCutter {
  private pending = "";
  private scanned = 0;
  private state = State.FieldStart;
  private field = 1;
  private records = 0;
  private quoteStart: OpenQuote | undefined;

  constructor(private readonly delimiter: string) {}

  /** Records completed before the text currently held back. */
  get completedRecords(): number {
    return this.records;
  }

  /** Characters held back waiting for the end of their record. */
  get pendingLength(): number {
    return this.pending.length;
  }

  /** Where the quoted field that is still open began, if one is open. */
  get openQuote(): OpenQuote | undefined {
    return this.state === State.InQuote || this.state === State.QuoteInQuote ? this.quoteStart : undefined;
  }

  /**
   * Adds text and returns the longest prefix of everything held that ends with a complete
   * record (including its line break), or "" when no record is complete yet.
   */
  push(text: string): string {
    this.pending += text;
    let cut = -1;
    const s = this.pending;
    const d = this.delimiter;
    for (let i = this.scanned; i < s.length; i++) {
      const ch = s[i];
      switch (this.state) {
        case State.FieldStart:
        case State.Unquoted:
          if (ch === '"' && this.state === State.FieldStart) {
            this.state = State.InQuote;
            this.quoteStart = { record: this.records, field: this.field };
          } else if (ch === d) {
            this.state = State.FieldStart;
            this.field++;
          } else if (ch === "\n") {
            this.records++;
            this.field = 1;
            this.state = State.FieldStart;
            cut = i + 1;
          } else if (ch !== "\r") {
            this.state = State.Unquoted;
          }
          break;
        case State.InQuote:
          if (ch === '"') this.state = State.QuoteInQuote;
          break;
        case State.QuoteInQuote:
          if (ch === '"') this.state = State.InQuote;
          else if (ch === d) {
            this.state = State.FieldStart;
            this.field++;
          } else if (ch === "\n") {
            this.records++;
            this.field = 1;
            this.state = State.FieldStart;
            cut = i + 1;
          } else if (ch === "\r") this.state = State.Unquoted;
          else this.state = State.InQuote;
          break;
      }
    }
    this.scanned = s.length;
    if (cut < 0) return "";
    const out = s.slice(0, cut);
    this.pending = s.slice(cut);
    this.scanned -= cut;
    return out;
  }

  /** Everything still held (the last record when the file does not end with a line break). */
  flush(): string {
    const out = this.pending;
    this.pending = "";
    this.scanned = 0;
    return out;
  }
}
