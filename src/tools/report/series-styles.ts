/**
 * How the charts tell series apart: a colour, a dash pattern and a marker shape each, so
 * that no series is known by its colour alone (in print, or to a reader who does not see
 * the colours). The colours are the Okabe-Ito palette's blue, vermillion, bluish green
 * and reddish purple, darkened until each reaches 4.5:1 against the white page (WCAG AA
 * for text, so they serve in legends too; test/tools-report.test.ts checks it).
 */
export type MarkerShape = "circle" | "square" | "triangle" | "diamond";

export interface SeriesStyle {
  colour: string;
  /** SVG stroke-dasharray; none for a solid line. */
  dash?: string;
  marker: MarkerShape;
}

export const SERIES_STYLES: readonly [SeriesStyle, SeriesStyle, SeriesStyle, SeriesStyle] = [
  { colour: "#0072b2", marker: "circle" },
  { colour: "#c24e00", dash: "7 4", marker: "square" },
  { colour: "#00785a", dash: "2 3", marker: "triangle" },
  { colour: "#a8447e", dash: "9 3 2 3", marker: "diamond" },
];

/** Axis labels and grid. */
export const INK = "#1f1f1f";
export const MUTED_INK = "#555555";
export const GRID = "#d9d9d9";
