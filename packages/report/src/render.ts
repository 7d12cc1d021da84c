import { Resvg, type RenderedImage } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { vegaTextWidth } from "./textWidth.ts";

// Without a canvas (always, in Node) vega estimates text widths at 0.8 em per character;
// measure DejaVu Sans instead so the layout fits the PNG's real text. This is vega's
// documented hook (vl-convert uses it) and only changes the no-canvas fallback.
const metrics = (vega as unknown as { textMetrics: { width: unknown; estimateWidth: unknown } }).textMetrics;
if (metrics.width === metrics.estimateWidth) metrics.width = vegaTextWidth;

/**
 * Renders a Vega-Lite spec to an SVG string without a browser: compile to Vega, run a
 * headless view, serialise its scenegraph. Text is laid out with DejaVu Sans metrics.
 */
export async function toSvg(spec: TopLevelSpec): Promise<string> {
  const vgSpec = compile(spec).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export interface PngOptions {
  /** pixel density relative to the SVG's size; 2 makes text crisp in documents. @default 2 */
  scale?: number;
}

/**
 * Rasterises an SVG (from `toSvg`) to PNG bytes on a white background. System fonts must
 * be loaded: without them resvg silently draws no text at all.
 */
export function toPng(svg: string, options: PngOptions = {}): Buffer {
  return rasterise(svg, options).asPng();
}

/** The rendered image behind `toPng`, whose RGBA `pixels` tests inspect. */
export function rasterise(svg: string, options: PngOptions = {}): RenderedImage {
  const resvg = new Resvg(svg, {
    background: "white",
    fitTo: { mode: "zoom", value: options.scale ?? 2 },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  });
  return resvg.render();
}
