/**
 * What the build does to article images, in one place: the widths it makes, the column they are shown in, and the
 * most bytes a phone may be sent for one image. tests/site/built-site.test.ts checks the budget on a built page.
 */

/** The most bytes of one article image a phone (see {@link budgetPhone}) downloads. */
export const phoneImageBudgetBytes = 200_000;

/** The phone the budget is for: a common large phone, in CSS pixels, at its device pixel ratio. */
export const budgetPhone = { width: 390, pixelRatio: 3 } as const;

/**
 * The widths, in pixels, each raster image is made in (never wider than the original): the article column on a
 * phone at 1x-3x (358 CSS px) and on a desktop at 1x-2x (704 CSS px).
 */
export const variantWidths = [480, 720, 1080, 1440] as const;

/** The article column (`.article-body`: at most 44rem, inside the page's 1rem margins), for `sizes`. */
export const articleColumn = { maxRem: 44, marginRem: 1, rootPx: 16 } as const;

/** The `sizes` attribute of article images: the column's width at every viewport. */
export const articleImageSizes = `(min-width: ${articleColumn.maxRem + 2 * articleColumn.marginRem}rem) ${articleColumn.maxRem}rem, calc(100vw - ${2 * articleColumn.marginRem}rem)`;

/**
 * The first image of an article loads at once (no `loading="lazy"`) when fewer words than this come before it: on a
 * phone, the title, the date and a short paragraph leave it in the first screen.
 */
export const aboveTheFoldWords = 40;

/** WebP qualities tried in turn until the phone's variant fits the budget. */
export const webpQualities = [80, 70, 60, 50, 40] as const;

/** Bumped when the variants or the attributes change in a way the settings above do not show. */
const processingVersion = 1;

/** Changes whenever what the build makes of an image changes: part of each variant's cache key and page digests. */
export const imagePolicyDigest = JSON.stringify([processingVersion, phoneImageBudgetBytes, budgetPhone, variantWidths, articleImageSizes, aboveTheFoldWords, webpQualities]);

/** The width, in CSS pixels, the article column has on a viewport this wide. */
export function columnWidth(viewportWidth: number): number {
	const { maxRem, marginRem, rootPx } = articleColumn;
	if (viewportWidth >= (maxRem + 2 * marginRem) * rootPx) return maxRem * rootPx;
	return viewportWidth - 2 * marginRem * rootPx;
}

/**
 * The candidate of a `w`-descriptor srcset a browser picks for a slot of `slotWidth` CSS pixels at `pixelRatio`: the
 * narrowest at least as wide as the slot in device pixels, or else the widest (as Chrome and Firefox do without a
 * cached candidate).
 */
export function pickCandidate<T extends { width: number }>(candidates: readonly T[], slotWidth: number, pixelRatio: number): T | undefined {
	const needed = slotWidth * pixelRatio;
	const sorted = [...candidates].sort((a, b) => a.width - b.width);
	return sorted.find((candidate) => candidate.width >= needed) ?? sorted.at(-1);
}

/** The candidate the budget phone picks. */
export function phoneCandidate<T extends { width: number }>(candidates: readonly T[]): T | undefined {
	return pickCandidate(candidates, columnWidth(budgetPhone.width), budgetPhone.pixelRatio);
}
