import { dejavuBold, dejavuChars, dejavuRegular } from "./dejavuWidths.ts";

const regular = new Map<string, number>();
const bold = new Map<string, number>();
[...dejavuChars].forEach((ch, i) => {
  regular.set(ch, dejavuRegular[i]!);
  bold.set(ch, dejavuBold[i]!);
});

/** Width in px of `text` set in DejaVu Sans (the font the PNGs are drawn with). */
export function textWidth(text: string, fontSize: number, isBold = false): number {
  const table = isBold ? bold : regular;
  let em = 0;
  for (const ch of text) {
    const known = table.get(ch);
    // Unlisted characters: CJK ideographs are a full em, anything else about an average letter.
    em += known ?? (ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.62);
  }
  return em * fontSize;
}

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
}

/**
 * A replacement for vega's text-width function when it runs without a canvas. vega's own
 * fallback guesses 0.8 em per character, a third too wide for DejaVu Sans, which pads
 * charts with blank space and cuts long titles; vl-convert swaps in real metrics the same way.
 */
export function vegaTextWidth(item: TextItem, text: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const weight = item.fontWeight;
  const isBold = weight === "bold" || weight === "bolder" || (typeof weight === "number" && weight >= 600);
  const line = text == null ? "" : String(text).trim();
  const width = textWidth(line, size, isBold);
  // Text longer than its limit is drawn truncated to fit it.
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}
