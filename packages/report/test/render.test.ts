import { afterAll, beforeAll, describe, expect, test, vi, type MockInstance } from "vitest";
import { toPng, toSvg } from "../src/index.ts";
import { rasterise } from "../src/render.ts";
import { chartCases } from "./chartCases.ts";

const cases = chartCases();
const svgs = new Map<string, string>();
let warn: MockInstance;

beforeAll(async () => {
  // vega-lite reports problems it works around (conflicting properties, dropped
  // encodings) through console.warn; a clean chart has none.
  warn = vi.spyOn(console, "warn");
  for (const c of cases) svgs.set(c.name, await toSvg(c.spec));
});
afterAll(() => warn.mockRestore());

/** Text content of the SVG's <text> elements, entities decoded. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&"),
  );
}

describe("toSvg(spec)", () => {
  test("compiles every chart without vega-lite warnings", () => {
    expect(warn.mock.calls.map((c) => c.join(" "))).toEqual([]);
  });
  for (const c of cases) {
    test(`${c.name}: the SVG shows its title and axis titles`, () => {
      const svg = svgs.get(c.name)!;
      expect(svg.startsWith("<svg")).toBe(true);
      const shown = texts(svg);
      for (const t of c.texts) expect(shown, `"${t}" in ${c.name}`).toContain(t);
      // Nothing cut short: no label ends in the truncation ellipsis.
      expect(shown.filter((t) => t.endsWith("…"))).toEqual([]);
    });
  }
});

describe("toPng(svg)", () => {
  for (const c of cases) {
    test(`${c.name}: a non-blank PNG with text drawn`, () => {
      const svg = svgs.get(c.name)!;
      const png = toPng(svg);
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect(png.length).toBeGreaterThan(20_000);
      const image = rasterise(svg);
      const { width, height, pixels } = image;
      let nonWhite = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i]! < 250 || pixels[i + 1]! < 250 || pixels[i + 2]! < 250) nonWhite++;
      }
      expect(nonWhite / (width * height)).toBeGreaterThan(0.02);
      // The title is black text in the top-left corner and nothing else is drawn there:
      // dark pixels in that band mean the fonts were found (resvg silently skips text otherwise).
      let dark = 0;
      for (let y = 0; y < 60 && y < height; y++) {
        for (let x = 0; x < Math.min(width, 500); x++) {
          const i = 4 * (y * width + x);
          if (pixels[i]! < 60 && pixels[i + 1]! < 60 && pixels[i + 2]! < 60) dark++;
        }
      }
      expect(dark).toBeGreaterThan(300);
    });
  }

  test("the background is white, not transparent", () => {
    const { pixels } = rasterise(svgs.get("tornadoChart")!);
    expect([...pixels.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
  });
});
