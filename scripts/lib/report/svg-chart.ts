/**
 * The report's one chart: stacked bars, as columns (one a day) or as rows (one per query or article), drawn as
 * inline SVG.
 *
 * Why not a chart library: uPlot (about 50 KB minified) and Chart.js (about 200 KB) both draw on a <canvas> with
 * JavaScript when the page is opened. The report would have to carry their code and run a script to show anything,
 * a canvas has no text for a screen reader, and neither changes colours with `prefers-color-scheme` without more
 * script. Plain SVG written here needs no dependency and no script, is part of the file, takes its colours from the
 * page's CSS (so dark mode is one media query), and with `role="img"`, a <title> and a <desc> it is announced as
 * one picture whose numbers are in the table next to it. Bars are all the report needs: counts per day and counts
 * per query or article.
 *
 * Positions across are percentages and heights are pixels, so the chart takes the page's width without scaling its
 * text: labels keep their size on a phone and on a desktop.
 */
import { html, type Html } from './html.ts';

export interface BarChart {
	/** Unique in the page: the ids of the title and the description derive from it. */
	id: string;
	title: string;
	/** One or two sentences that say what the chart shows, for those who do not see it. */
	summary: string;
	layout: 'columns' | 'rows';
	/** The names of the stacked parts of each bar, bottom (or left) first; two or more get a legend. */
	series: string[];
	bars: { label: string; values: number[] }[];
}

const rowHeight = 40;
const columnsHeight = 180;
const plotTop = 12;
const plotBottom = 150;
// Room on the left of the columns for the scale's numbers, in percent of the width.
const gutter = 10;
const maxLabelLength = 34;

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const percent = (value: number) => `${Math.round(value * 1000) / 1000}%`;
const round = (value: number) => Math.round(value * 10) / 10;
const formatNumber = new Intl.NumberFormat('en', { notation: 'compact' }).format;

/** A label that fits beside its number: long queries and article paths keep their start and their end. */
export function shortLabel(label: string, max = maxLabelLength): string {
	if (label.length <= max) return label;
	const head = Math.ceil((max - 1) / 2);
	return `${label.slice(0, head)}…${label.slice(label.length - (max - 1 - head))}`;
}

/** A round top for the scale and its step: 1, 2 or 5 times a power of ten, at most four steps. */
export function niceScale(max: number): { top: number; step: number } {
	if (max <= 0) return { top: 1, step: 1 };
	const magnitude = 10 ** Math.floor(Math.log10(max / 4));
	const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate * 4 >= max) ?? 10 * magnitude;
	const wholeStep = Math.max(1, step);
	return { top: Math.ceil(max / wholeStep) * wholeStep, step: wholeStep };
}

/** The stacked parts of one bar as [start, length] fractions of `top`, skipping empty parts. */
function segments(values: number[], top: number): { series: number; start: number; length: number }[] {
	let start = 0;
	return values.flatMap((value, series) => {
		const part = { series, start: start / top, length: value / top };
		start += value;
		return value > 0 ? [part] : [];
	});
}

function rows(chart: BarChart): { height: number; body: Html } {
	const top = Math.max(1, ...chart.bars.map((bar) => sum(bar.values)));
	const body = chart.bars.map((bar, index) => {
		const y = index * rowHeight;
		return html`<text class="chart-label" x="0" y="${y + 15}">${shortLabel(bar.label)}</text>
<text class="chart-value" x="100%" y="${y + 15}" text-anchor="end">${formatNumber(sum(bar.values))}</text>
${segments(bar.values, top).map(
	(part) => html`<rect class="series-${part.series}" x="${percent(part.start * 100)}" y="${y + 22}" width="${percent(part.length * 100)}" height="12" rx="2"/>`,
)}`;
	});
	return { height: chart.bars.length * rowHeight, body: html`${body}` };
}

function columns(chart: BarChart): { height: number; body: Html } {
	const { top, step } = niceScale(Math.max(...chart.bars.map((bar) => sum(bar.values))));
	const plotHeight = plotBottom - plotTop;
	const yOf = (value: number) => round(plotBottom - (value / top) * plotHeight);
	const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
	const scale = ticks.map(
		(tick) => html`<line class="chart-grid" x1="${gutter}%" x2="100%" y1="${yOf(tick)}" y2="${yOf(tick)}"/>
<text class="chart-value" x="${gutter - 1}%" y="${yOf(tick) + 4}" text-anchor="end">${formatNumber(tick)}</text>`,
	);
	const slot = (100 - gutter) / chart.bars.length;
	const bars = chart.bars.map((bar, index) =>
		segments(bar.values, top).map((part) => {
			const y = yOf((part.start + part.length) * top);
			return html`<rect class="series-${part.series}" x="${percent(gutter + (index + 0.15) * slot)}" y="${y}" width="${percent(slot * 0.7)}" height="${round(yOf(part.start * top) - y)}"/>`;
		}),
	);
	// First, middle and last labels only: thirty dates side by side would not fit a phone.
	const labelled = [...new Set([0, Math.floor((chart.bars.length - 1) / 2), chart.bars.length - 1])];
	const labels = labelled.map((index) => {
		const anchor = chart.bars.length === 1 ? 'middle' : index === 0 ? 'start' : index === chart.bars.length - 1 ? 'end' : 'middle';
		const x = gutter + (anchor === 'start' ? index : anchor === 'end' ? index + 1 : index + 0.5) * slot;
		return html`<text class="chart-label" x="${percent(x)}" y="${plotBottom + 20}" text-anchor="${anchor}">${chart.bars[index]?.label}</text>`;
	});
	return { height: columnsHeight, body: html`${scale}${bars}${labels}` };
}

/** A stacked bar chart as an accessible SVG figure, with a legend when it has more than one series. */
export function barChart(chart: BarChart): Html {
	const { height, body } = chart.layout === 'rows' ? rows(chart) : columns(chart);
	const legend =
		chart.series.length > 1
			? html`<ul class="legend">${chart.series.map((name, index) => html`<li><span class="swatch series-${index}" aria-hidden="true"></span>${name}</li>`)}</ul>`
			: null;
	return html`<figure class="chart">
<svg class="chart-${chart.layout}" width="100%" height="${height}" role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc">
<title id="${chart.id}-title">${chart.title}</title>
<desc id="${chart.id}-desc">${chart.summary}</desc>
${body}
</svg>
${legend}
</figure>`;
}
