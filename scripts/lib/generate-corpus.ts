import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syllables, words, type LanguageWords } from './corpus-words.ts';
import { seededRandom } from './seeded-random.ts';

export interface CorpusOptions {
	/** How many articles to write per locale, for example `{ en: 10_000 }`. Locales need a word bank (en, fr). */
	articles: Partial<Record<'en' | 'fr', number>>;
	/**
	 * When true, the n-th French article translates the n-th English one (same category, translationKey set),
	 * so the site has no fallback pages for those.
	 */
	translated?: boolean;
	/** Same seed, same corpus. */
	seed?: number;
}

export interface GeneratedArticle {
	locale: string;
	category: string;
	slug: string;
	title: string;
	words: number;
}

export const corpusCategories = ['account', 'orders-tracking', 'payments', 'products-sizing', 'returns-refunds', 'shipping'] as const;


/** Picks items with Zipf-like frequencies (the first is the most common), as words are in real text. */
function zipf<T>(items: T[], rand: () => number, exponent = 1.05) {
	const cumulative: number[] = [];
	let total = 0;
	for (let index = 0; index < items.length; index++) {
		total += 1 / (index + 1) ** exponent;
		cumulative.push(total);
	}
	return () => {
		const target = rand() * total;
		let low = 0;
		let high = cumulative.length - 1;
		while (low < high) {
			const middle = (low + high) >> 1;
			if ((cumulative[middle] ?? 0) < target) low = middle + 1;
			else high = middle;
		}
		return items[low] as T;
	};
}

function slugify(text: string) {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** The long tail: invented product-line and place names, a few thousand of each, like a real catalogue. */
function inventNames(rand: () => number, count: number, minSyllables: number, maxSyllables: number) {
	const names = new Set<string>();
	while (names.size < count) {
		const length = minSyllables + Math.floor(rand() * (maxSyllables - minSyllables + 1));
		let name = '';
		for (let index = 0; index < length; index++) name += syllables[Math.floor(rand() * syllables.length)];
		names.add(capitalise(name));
	}
	return [...names];
}

class ArticleWriter {
	readonly pick: <T>(items: readonly T[]) => T;
	readonly product: () => string;
	readonly place: () => string;
	readonly bank: LanguageWords;
	readonly #rand: () => number;
	/** The one or two subjects of the article being written: most of its sentences are about them. */
	#focus: string[] = [];

	constructor(bank: LanguageWords, rand: () => number) {
		this.bank = bank;
		this.#rand = rand;
		this.pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)] as T;
		const lines = zipf(inventNames(rand, 3_000, 2, 3), rand);
		const garment = zipf(bank.garments, rand, 0.8);
		const material = zipf(bank.materials, rand, 0.8);
		this.product = () => (rand() < 0.5 ? `${lines()} ${garment()}` : `${lines()} ${material()} ${garment()}`);
		this.place = zipf(inventNames(rand, 2_000, 2, 4), rand, 1.1);
	}

	/** Starts an article about one or two subjects of `category`. */
	startArticle(category: string) {
		const nouns = this.bank.topics[category]?.nouns ?? [];
		this.#focus = [this.pick(nouns), this.pick(nouns)];
	}

	chance(probability: number) {
		return this.#rand() < probability;
	}

	between(min: number, max: number) {
		return min + Math.floor(this.#rand() * (max - min + 1));
	}

	fill(template: string, category: string) {
		const topic = this.bank.topics[category];
		if (!topic) throw new Error(`No words for category ${category}`);
		const noun = () => (this.chance(0.75) && this.#focus.length > 0 ? this.pick(this.#focus) : this.pick(topic.nouns));
		const slots: Record<string, () => string> = {
			noun,
			noun2: noun,
			verb: () => this.pick(topic.verbs),
			product: this.product,
			place: this.place,
			carrier: () => this.pick(this.bank.carriers),
			days: () => String(this.between(2, 14)),
			price: () => `${this.between(3, 150)} €`,
			adjective: () => this.pick(this.bank.adjectives),
			material: () => this.pick(this.bank.materials),
			colour: () => this.pick(this.bank.colours),
		};
		return template.replace(/\{(\w+)\}/g, (slot, name: string) => slots[name]?.() ?? slot);
	}

	/** Mostly sentences of the article's topic, some general ones, as a real help center reads. */
	sentence(category: string) {
		const ofTopic = this.bank.topics[category]?.sentences ?? [];
		return this.fill(this.pick(ofTopic.length > 0 && this.chance(0.7) ? ofTopic : this.bank.sentences), category);
	}

	paragraph(category: string, sentences: number) {
		return Array.from({ length: sentences }, () => this.sentence(category)).join(' ');
	}
}

function countWords(text: string) {
	return text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
}

function frontmatter(fields: Record<string, unknown>) {
	const lines = Object.entries(fields)
		.filter(([, value]) => value !== undefined)
		.map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
	return `---\n${lines.join('\n')}\n---\n`;
}

/**
 * Writes a generated help center into `contentDir` (`<locale>/<category>/<slug>.mdx`): articles of about 600
 * words with headings, lists, tables, callouts, steps and links to other generated articles, spread over the
 * demo categories with a Zipf-distributed vocabulary. The categories' `_category.yaml` files are not written:
 * copy the demo ones. Returns what was written.
 */
export function generateCorpus(contentDir: string, options: CorpusOptions): GeneratedArticle[] {
	const rand = seededRandom(options.seed ?? 20261125);
	const written: GeneratedArticle[] = [];
	const englishByIndex: GeneratedArticle[] = [];

	for (const locale of ['en', 'fr'] as const) {
		const count = options.articles[locale] ?? 0;
		if (count === 0) continue;
		const writer = new ArticleWriter(words[locale], rand);
		const category = zipf([...corpusCategories], rand, 0.4);
		const slugs = new Set<string>();
		// Two pages with the same title confuse shoppers and search engines alike: real help centers avoid them.
		const titles = new Set<string>();
		const ofLocale: GeneratedArticle[] = [];

		for (let index = 0; index < count; index++) {
			const original = locale === 'fr' && options.translated ? englishByIndex[index] : undefined;
			const categoryId = original?.category ?? category();
			const topic = words[locale].topics[categoryId];
			if (!topic) throw new Error(`No words for category ${categoryId}`);
			writer.startArticle(categoryId);

			let title = '';
			for (let attempt = 0; attempt < 50 && (title.length < 10 || title.length > 65 || titles.has(title)); attempt++) {
				title = capitalise(writer.fill(writer.pick(topic.titles), categoryId));
			}
			if (title.length > 65) title = title.slice(0, 65).replace(/\s+\S*$/, '');
			if (titles.has(title)) title = `${title} (${index.toString(36)})`;
			titles.add(title);
			let slug = slugify(title).slice(0, 60).replace(/-$/, '');
			if (slugs.has(slug)) slug = `${slug}-${index.toString(36)}`;
			slugs.add(slug);

			let description = '';
			for (let attempt = 0; attempt < 20 && (description.length < 50 || description.length > 160); attempt++) {
				description = writer.fill(writer.pick(words[locale].descriptions), categoryId);
			}
			if (description.length > 160) description = `${description.slice(0, 157).replace(/\s+\S*$/, '')}…`;

			const sections: string[] = [writer.paragraph(categoryId, writer.between(2, 4))];
			const sectionCount = writer.between(4, 5);
			for (let section = 0; section < sectionCount; section++) {
				const heading = writer.chance(0.5)
					? writer.pick(topic.headings)
					: `${writer.pick(topic.headings)}: ${writer.product()}`;
				const parts = [`## ${heading}`, writer.paragraph(categoryId, writer.between(3, 5))];
				if (section === 1 || writer.chance(0.25)) {
					const intro = writer.pick(words[locale].listIntros);
					const items = Array.from({ length: writer.between(3, 5) }, () => `- ${intro} ${writer.sentence(categoryId).replace(/^\p{Lu}/u, (letter) => letter.toLowerCase())}`);
					parts.push(items.join('\n'));
				}
				if (section === 2 && writer.chance(0.45)) {
					const headers = writer.pick(words[locale].tableHeaders);
					const rows = Array.from({ length: writer.between(3, 5) }, () =>
						`| ${writer.place()} | ${writer.pick(words[locale].carriers)} | ${writer.between(1, 12)} |`,
					);
					parts.push([`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows].join('\n'));
				}
				if (section === 3 && writer.chance(0.3)) {
					parts.push(`<Callout type="tip">${writer.pick(words[locale].callouts)}</Callout>`);
				}
				if (section === 3 && writer.chance(0.2)) {
					const steps = Array.from({ length: 3 }, (_, step) => `${step + 1}. ${writer.sentence(categoryId)}`);
					parts.push(`<Steps>\n\n${steps.join('\n')}\n\n</Steps>`);
				}
				const linkable = ofLocale.length > 0 ? writer.between(0, 2) : 0;
				for (let link = 0; link < linkable; link++) {
					const target = writer.pick(ofLocale);
					parts.push(`${writer.sentence(categoryId)} For more, [${writer.pick(words[locale].linkText)}](/${locale}/${target.category}/${target.slug}).`);
				}
				parts.push(writer.paragraph(categoryId, writer.between(1, 3)));
				sections.push(parts.join('\n\n'));
			}
			const body = `${sections.join('\n\n')}\n`;
			const keywords = Array.from({ length: writer.between(0, 4) }, () => writer.pick(topic.nouns));
			const month = writer.between(1, 12);
			const day = writer.between(1, 28);
			const year = month > 10 ? 2025 : writer.chance(0.6) ? 2026 : 2025;
			const file = frontmatter({
				title,
				description,
				updated: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
				translationKey: original?.slug,
				order: writer.between(1, 200),
				keywords: keywords.length > 0 ? [...new Set(keywords)] : undefined,
			});
			const directory = join(contentDir, locale, categoryId);
			mkdirSync(directory, { recursive: true });
			writeFileSync(join(directory, `${slug}.mdx`), `${file}\n${body}`);
			const article = { locale, category: categoryId, slug, title, words: countWords(body) };
			ofLocale.push(article);
			written.push(article);
			if (locale === 'en') englishByIndex.push(article);
		}
	}
	return written;
}
