/**
 * The page's one stylesheet: one column that fits a phone, wider charts on a desktop,
 * clean pages on paper. System fonts only (nothing to load); text at 4.5:1 or more
 * against its background.
 */
import { LARGE_FONT } from "./line-chart";

export const REPORT_STYLE = `
:root { color-scheme: light; --ink: #1f1f1f; --muted: #555555; --rule: #d9d9d9; --yes: #00785a; --no: #c24e00; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #ffffff; color: var(--ink); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, main, footer { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.25rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 0.25rem; }
h2 { font-size: 1.3rem; line-height: 1.25; margin: 2.25rem 0 0.5rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
p { margin: 0.5rem 0; }
.meta { color: var(--muted); }
.notes { color: var(--muted); font-size: 0.95rem; padding-left: 1.25rem; }
.panel { border: 1px solid var(--rule); border-left: 0.5rem solid var(--muted); border-radius: 0.375rem; padding: 0.25rem 1rem 0.75rem; margin-top: 1.25rem; }
.panel h2 { margin-top: 0.75rem; }
.panel.yes { border-left-color: var(--yes); background: #eef8f4; }
.panel.not-yet { border-left-color: var(--no); background: #fdf3ec; }
.answer { font-size: 1.6rem; font-weight: 700; line-height: 1.2; margin: 0.25rem 0 0.5rem; }
.assumptions { padding-left: 1.25rem; margin: 0.25rem 0; }
.assumptions li { margin: 0.25rem 0; }
figure { margin: 0.75rem 0 0.5rem; }
svg.chart { display: block; width: 100%; height: auto; font-size: 14px; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; padding: 0; margin: 0 0 0.5rem; font-size: 0.95rem; }
.legend li { display: flex; align-items: center; gap: 0.4rem; }
.legend svg { flex: none; }
.table-wrap { overflow-x: auto; margin: 0.5rem 0 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--rule); text-align: right; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); vertical-align: bottom; font-weight: 600; }
th:first-child, td:first-child { text-align: left; padding-left: 0; }
tbody th { font-weight: 400; }
td, .nowrap { white-space: nowrap; }
footer { color: var(--muted); font-size: 0.9rem; margin-top: 2.5rem; padding-bottom: 2rem; border-top: 1px solid var(--rule); padding-top: 0.75rem; }
@media (max-width: 40rem) {
  svg.chart { font-size: ${LARGE_FONT}px; }
  svg.chart .line { stroke-width: 3.5px; }
  table { font-size: 0.85rem; }
  th, td { padding: 0.3rem 0.3rem; }
}
@media print {
  @page { margin: 14mm; }
  body { font-size: 10.5pt; }
  header, main, footer { max-width: none; padding-left: 0; padding-right: 0; }
  .panel { background: none; }
  .table-wrap { overflow: visible; }
  h2, h3, caption { break-after: avoid; }
  figure, .panel, tr, #latest { break-inside: avoid; }
  section.chart-section { break-before: page; }
}
`;
