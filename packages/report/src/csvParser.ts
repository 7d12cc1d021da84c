/**
 * An incremental RFC 4180 parser: quoted fields may hold commas, doubled quotes and line
 * breaks, and may be split across chunks. Accepts CRLF or LF and a leading byte-order mark.
 * Blank lines are dropped.
 */
export class CsvParser {
  private field = "";
  private record: string[] = [];
  private inQuotes = false;
  /** a quote seen inside a quoted field: either an escaped quote or the field's end */
  private quotePending = false;
  private started = false;
  private dirty = false;
  private line = 1;
  private recordStart = 1;
  /** the line each record returned by the latest push() or end() starts on (1-based) */
  recordLines: number[] = [];

  /** Feeds the next chunk; returns the records it completed. */
  push(chunk: string): string[][] {
    const out: string[][] = [];
    this.recordLines = [];
    let i = 0;
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.quotePending) {
        this.quotePending = false;
        if (c === '"') {
          this.field += '"';
          continue;
        }
        this.inQuotes = false;
      }
      if (c === "\n") this.line++;
      if (this.inQuotes) {
        if (c === '"') this.quotePending = true;
        else this.field += c;
        continue;
      }
      if (c === '"' && this.field === "") {
        this.inQuotes = true;
        this.dirty = true;
      } else if (c === ",") {
        this.record.push(this.field);
        this.field = "";
        this.dirty = true;
      } else if (c === "\n") {
        this.endRecord(out);
      } else if (c === "\r") {
        // CR is dropped outside quotes; CRLF then ends the record at the LF.
      } else {
        this.field += c;
        this.dirty = true;
      }
    }
    return out;
  }

  /** Ends the input; returns the last record if the text did not end with a newline. */
  end(): string[][] {
    const out: string[][] = [];
    this.recordLines = [];
    this.quotePending = false;
    this.inQuotes = false;
    this.endRecord(out);
    return out;
  }

  private endRecord(out: string[][]): void {
    if (this.dirty) {
      this.record.push(this.field);
      out.push(this.record);
      this.recordLines.push(this.recordStart);
    }
    this.recordStart = this.line;
    this.record = [];
    this.field = "";
    this.dirty = false;
  }
}

/** All records of a CSV text (first record is the header, if it has one). */
export function parseCsv(text: string): string[][] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}
