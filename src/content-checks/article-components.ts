/**
 * The components an article may use without importing them: the ones the article page passes to MDX
 * (`<Content components={…} />` in src/pages/[locale]/[category]/[slug].astro). A name missing from that list is
 * undefined when the page renders; tests/unit/check-mdx.test.ts keeps the two lists the same.
 */
export const articleComponents = ['Callout', 'Steps', 'ContactCta', 'Video', 'OrderLookup'] as const;
