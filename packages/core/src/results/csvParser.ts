const COMMA = 44;
const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * An incremental RFC 4180 parser: quoted fields may hold commas, doubled quotes and line
 * breaks, and may be split across chunks. Accepts CRLF or LF and a leading byte-order mark.
 * Blank lines are dropped. Fields are sliced out of the chunk rather than built a character
 * at a time: results directories run to millions of rows.
 */
export class CsvParser {
  private field = "";
  private record: string[] = [];
  private inQuotes = false;
  /** a quote ended the last chunk inside a quoted field: an escaped quote or the field's end */
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
    const n = chunk.length;
    let i = 0;
    if (!this.started && n > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    if (this.quotePending && i < n) {
      this.quotePending = false;
      if (chunk.charCodeAt(i) === QUOTE) {
        this.field += '"';
        i++;
      } else {
        this.inQuotes = false;
      }
    }
    while (i < n) {
      if (this.inQuotes) {
        const q = chunk.indexOf('"', i);
        const end = q < 0 ? n : q;
        this.field += chunk.slice(i, end);
        this.countLines(chunk, i, end);
        if (q < 0) return out;
        if (q + 1 === n) {
          this.quotePending = true;
          return out;
        }
        if (chunk.charCodeAt(q + 1) === QUOTE) {
          this.field += '"';
          i = q + 2;
        } else {
          this.inQuotes = false;
          i = q + 1;
        }
        continue;
      }
      let j = i;
      let c = 0;
      while (j < n) {
        c = chunk.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
        j++;
      }
      if (j > i) {
        this.field += chunk.slice(i, j);
        this.dirty = true;
      }
      if (j === n) break;
      i = j + 1;
      if (c === COMMA) {
        this.record.push(this.field);
        this.field = "";
        this.dirty = true;
      } else if (c === LF) {
        this.line++;
        this.endRecord(out);
      } else if (c === QUOTE) {
        // A quote opens a quoted field only at its start; elsewhere it is a plain character.
        if (this.field === "") this.inQuotes = true;
        else this.field += '"';
        this.dirty = true;
      }
      // CR outside quotes is dropped; CRLF ends the record at the LF.
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

  private countLines(chunk: string, from: number, to: number): void {
    for (let k = chunk.indexOf("\n", from); k >= 0 && k < to; k = chunk.indexOf("\n", k + 1)) this.line++;
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
