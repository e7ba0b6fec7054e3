/**
 * A line chart as inline SVG, drawn here (no script, no library, nothing loaded): time
 * runs left to right in proportion (runs are not evenly spaced), each series is a line
 * with its own colour, dash and marker, and the SVG names itself for screen readers.
 * The table below each chart holds every value; the chart only shows the shape.
 */
import { timeLabel, timeTicks } from "./chart-scale";
import { escapeHtml } from "./html-escape";
import { GRID, type MarkerShape, MUTED_INK, type SeriesStyle } from "./series-styles";

export interface ChartSeries {
  name: string;
  /** One value per time; undefined leaves a gap. */
  values: ReadonlyArray<number | undefined>;
  style: SeriesStyle;
}

export interface LineChart {
  /** Unique in the page: the SVG's title and description are referenced by it. */
  id: string;
  title: string;
  description: string;
  times: readonly number[];
  series: readonly ChartSeries[];
  /** From 0 up; the last is the top of the chart. */
  valueTicks: readonly number[];
  valueLabel(value: number): string;
}

const WIDTH = 560;
const HEIGHT = 280;
/** The labels' size on a wide screen; the page's stylesheet raises it to LARGE_FONT on a phone, where the chart shrinks. */
const FONT = 14;
export const LARGE_FONT = 22;
const TOP = 14;
const BOTTOM = HEIGHT - LARGE_FONT - 16;
const RIGHT = WIDTH - 14;
/** Beyond this many runs, markers are drawn on the latest run only: a row of them would hide the line. */
const MARKERS_UP_TO = 40;
const MARKER_SIZE = 5;

const round = (value: number) => Math.round(value * 10) / 10;

function markerSvg(shape: MarkerShape, x: number, y: number, colour: string): string {
  const r = MARKER_SIZE;
  const paint = `fill="${colour}" stroke="#ffffff" stroke-width="1"`;
  switch (shape) {
    case "circle":
      return `<circle cx="${round(x)}" cy="${round(y)}" r="${r}" ${paint}/>`;
    case "square":
      return `<rect x="${round(x - r)}" y="${round(y - r)}" width="${2 * r}" height="${2 * r}" ${paint}/>`;
    case "triangle":
      return `<path d="M${round(x)} ${round(y - r - 1)}L${round(x + r + 1)} ${round(y + r)}L${round(x - r - 1)} ${round(y + r)}Z" ${paint}/>`;
    case "diamond":
      return `<path d="M${round(x)} ${round(y - r - 1)}L${round(x + r + 1)} ${round(y)}L${round(x)} ${round(y + r + 1)}L${round(x - r - 1)} ${round(y)}Z" ${paint}/>`;
  }
}

function linePath(points: ReadonlyArray<{ x: number; y: number } | undefined>): string {
  let path = "";
  let drawing = false;
  for (const point of points) {
    if (point === undefined) {
      drawing = false;
      continue;
    }
    path += `${drawing ? "L" : "M"}${round(point.x)} ${round(point.y)}`;
    drawing = true;
  }
  return path;
}

function seriesSvg(series: ChartSeries, xs: readonly number[], yOf: (value: number) => number): string {
  const { colour, dash, marker } = series.style;
  const points = series.values.map((value, i) => {
    const x = xs[i];
    return value === undefined || x === undefined ? undefined : { x, y: yOf(value) };
  });
  const dashed = dash ? ` stroke-dasharray="${dash}"` : "";
  const line = `<path class="line" d="${linePath(points)}" fill="none" stroke="${colour}" stroke-width="2.5" stroke-linejoin="round"${dashed}/>`;
  const marked = points.length <= MARKERS_UP_TO ? points : points.slice(-1);
  const markers = marked.map((point) => (point ? markerSvg(marker, point.x, point.y, colour) : "")).join("");
  return `<g><title>${escapeHtml(series.name)}</title>${line}${markers}</g>`;
}

export function lineChartSvg(chart: LineChart): string {
  const { times, valueTicks } = chart;
  const labels = valueTicks.map((value) => chart.valueLabel(value));
  const left = Math.max(...labels.map((label) => label.length)) * LARGE_FONT * 0.7 + 10;
  const top = valueTicks.at(-1) ?? 1;
  const yOf = (value: number) => BOTTOM - ((BOTTOM - TOP) * value) / (top || 1);
  const from = times[0] ?? 0;
  const to = times.at(-1) ?? from;
  const inset = 8;
  const xOf = (time: number) =>
    to > from ? left + inset + ((RIGHT - left - 2 * inset) * (time - from)) / (to - from) : (left + RIGHT) / 2;
  const grid = valueTicks
    .map((value, i) => {
      const y = round(yOf(value));
      return `<line x1="${round(left)}" x2="${RIGHT}" y1="${y}" y2="${y}" stroke="${GRID}" stroke-width="1"/><text x="${round(left - 6)}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeHtml(labels[i] ?? "")}</text>`;
    })
    .join("");
  const ticks = timeTicks(from, to);
  const xLabels = ticks
    .map((time, i) => {
      const anchor = ticks.length === 1 ? "middle" : i === 0 ? "start" : i === ticks.length - 1 ? "end" : "middle";
      const x = ticks.length === 1 ? xOf(time) : i === 0 ? left : i === ticks.length - 1 ? RIGHT : xOf(time);
      return `<text x="${round(x)}" y="${HEIGHT - 8}" text-anchor="${anchor}">${escapeHtml(timeLabel(time, to - from))}</text>`;
    })
    .join("");
  const xs = times.map(xOf);
  const lines = chart.series.map((series) => seriesSvg(series, xs, yOf)).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc" font-family="system-ui, sans-serif" font-size="${FONT}" fill="${MUTED_INK}">` +
    `<title id="${chart.id}-title">${escapeHtml(chart.title)}</title><desc id="${chart.id}-desc">${escapeHtml(chart.description)}</desc>` +
    `<g aria-hidden="true">${grid}${xLabels}</g>${lines}</svg>`
  );
}

/** A short line with the series' dash and marker, for the legend beside its name. */
export function legendSwatchSvg(style: SeriesStyle): string {
  const dashed = style.dash ? ` stroke-dasharray="${style.dash}"` : "";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="swatch" viewBox="0 0 36 14" width="36" height="14" aria-hidden="true">` +
    `<path d="M1 7H35" stroke="${style.colour}" stroke-width="2.5"${dashed}/>${markerSvg(style.marker, 18, 7, style.colour)}</svg>`
  );
}
