import type { ThemeColors } from '../schemas/site-config';

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
	const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
	const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
		number,
		number,
		number,
	];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(foreground: string, background: string): number {
	const [lighter, darker] = [relativeLuminance(foreground), relativeLuminance(background)].sort((a, b) => b - a) as [
		number,
		number,
	];
	return (lighter + 0.05) / (darker + 0.05);
}

/** The colour pairs the theme actually puts text on, with the minimum WCAG AA ratio for each. */
const pairs: { foreground: keyof ThemeColors; background: keyof ThemeColors; minimum: number }[] = [
	{ foreground: 'text', background: 'background', minimum: 4.5 },
	{ foreground: 'text', background: 'surface', minimum: 4.5 },
	{ foreground: 'muted', background: 'background', minimum: 4.5 },
	{ foreground: 'muted', background: 'surface', minimum: 4.5 },
	{ foreground: 'primary', background: 'background', minimum: 4.5 },
	{ foreground: 'primary', background: 'surface', minimum: 4.5 },
	{ foreground: 'onPrimary', background: 'primary', minimum: 4.5 },
];

export interface ContrastFailure {
	theme: string;
	foreground: keyof ThemeColors;
	background: keyof ThemeColors;
	ratio: number;
	minimum: number;
}

/** Lists every colour pair of a theme whose contrast is below WCAG AA. */
export function findContrastFailures(theme: string, colors: ThemeColors): ContrastFailure[] {
	return pairs
		.map(({ foreground, background, minimum }) => ({
			theme,
			foreground,
			background,
			minimum,
			ratio: contrastRatio(colors[foreground], colors[background]),
		}))
		.filter((pair) => pair.ratio < pair.minimum);
}
