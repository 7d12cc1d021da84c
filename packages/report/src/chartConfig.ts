import type { Config } from "vega-lite";
import { okabeIto } from "./palette.ts";

/**
 * The look shared by every chart: DejaVu Sans first because it is the font resvg finds on
 * Debian (fonts-dejavu-core), sizes readable in a PNG dropped into a document.
 */
export const chartConfig: Config = {
  font: "DejaVu Sans, Verdana, Helvetica, Arial, sans-serif",
  background: "white",
  padding: 12,
  title: { fontSize: 18, fontWeight: "bold", anchor: "start", subtitleFontSize: 13, subtitleColor: "#444444", offset: 12 },
  axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: "normal", titleColor: "#222222", labelColor: "#333333", gridColor: "#e5e5e5" },
  legend: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: "bold", labelLimit: 320, symbolStrokeWidth: 2.5 },
  header: { labelFontSize: 14, labelFontWeight: "bold", titleFontSize: 14 },
  range: { category: [...okabeIto] },
  concat: { spacing: 28 },
  facet: { spacing: 24 },
};

export const vegaLiteSchema = "https://vega.github.io/schema/vega-lite/v6.json";
