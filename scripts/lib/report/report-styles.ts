/**
 * The report's CSS, inlined in its <style>: system fonts (no font files to fetch), light and dark colours from
 * `prefers-color-scheme`, and a layout that fits a 360-pixel phone (wide tables scroll inside their own box).
 * Colours: text at 7:1 or more on the background, bars at 3:1 or more, in both themes.
 */
export const reportStyles = `
:root {
	color-scheme: light dark;
	--bg: #ffffff; --panel: #f3f5f7; --text: #1b1f24; --muted: #4a525c; --line: #d3d8de; --accent: #1a56b8;
	--series-0: #2b6cb0; --series-1: #c05621;
}
@media (prefers-color-scheme: dark) {
	:root {
		--bg: #14171b; --panel: #1e2227; --text: #e9ecef; --muted: #b0b8c1; --line: #3b424b; --accent: #8cb8f5;
		--series-0: #6aa5e8; --series-1: #f0955a;
	}
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
body > * { max-width: 62rem; margin-inline: auto; padding-inline: 1rem; }
header { padding-block: 1.5rem 0.5rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 0.25rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2.5rem 0 0.5rem; padding-top: 1rem; border-top: 1px solid var(--line); }
p { max-width: 46rem; }
a { color: var(--accent); }
.period { color: var(--muted); margin: 0; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: 0.75rem; margin: 1.25rem 0 0; }
.figures div { background: var(--panel); border-radius: 0.5rem; padding: 0.75rem 1rem; }
.figures dt { color: var(--muted); font-size: 0.9rem; }
.figures dd { margin: 0; font-size: 1.6rem; font-weight: 650; font-variant-numeric: tabular-nums; }
nav ol { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; padding: 0; margin: 1.5rem 0 0; list-style: none; }
nav a { display: inline-block; padding-block: 0.25rem; }
.definition { background: var(--panel); border-left: 4px solid var(--series-0); padding: 0.75rem 1rem; border-radius: 0 0.5rem 0.5rem 0; }
.figure-big { font-size: 1.6rem; font-weight: 650; margin: 0.5rem 0; }
.chart { margin: 1rem 0; }
.chart svg { display: block; overflow: visible; }
.chart text { fill: var(--text); font-size: 13px; }
.chart .chart-value { fill: var(--muted); font-variant-numeric: tabular-nums; }
.chart-grid { stroke: var(--line); stroke-width: 1; }
.series-0 { fill: var(--series-0); background: var(--series-0); }
.series-1 { fill: var(--series-1); background: var(--series-1); }
.legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; padding: 0; margin: 0.5rem 0 0; font-size: 0.9rem; }
.swatch { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px; margin-right: 0.4rem; vertical-align: -0.05rem; }
.table-wrap { overflow-x: auto; max-width: 100%; margin: 1rem 0; position: relative; /* holds the visually hidden text that scrolls with it */ }
.table-wrap:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.4rem; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line); }
thead th { border-bottom: 2px solid var(--muted); font-weight: 600; }
tbody th { font-weight: 500; }
th, td { overflow-wrap: break-word; }
.nowrap { white-space: nowrap; }
td.text { min-width: 14rem; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
details { margin: 1rem 0; }
summary { cursor: pointer; color: var(--accent); }
.empty { color: var(--muted); font-style: italic; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
footer { color: var(--muted); font-size: 0.9rem; padding-block: 2rem; margin-top: 2rem; border-top: 1px solid var(--line); }
`;
