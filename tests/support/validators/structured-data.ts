type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const isAbsoluteUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value);
const isIsoDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value);
const normalize = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The JSON-LD nodes of a page (each `@graph` flattened), and what kept a script from being read. */
export function readJsonLd(document: Document): { nodes: JsonObject[]; problems: string[] } {
	const nodes: JsonObject[] = [];
	const problems: string[] = [];
	for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
		let data: unknown;
		try {
			data = JSON.parse(script.textContent ?? '');
		} catch (error) {
			problems.push(`JSON-LD is not valid JSON: ${(error as Error).message}`);
			continue;
		}
		const documents = Array.isArray(data) ? data : [data];
		for (const item of documents) {
			if (!isObject(item) || !/^https?:\/\/schema\.org\/?$/.test(String(item['@context']))) {
				problems.push('JSON-LD has no "@context": "https://schema.org"');
				continue;
			}
			const graph = item['@graph'];
			if (graph === undefined) nodes.push(item);
			else if (Array.isArray(graph)) nodes.push(...graph.filter(isObject));
			else problems.push('"@graph" is not a list');
		}
	}
	return { nodes, problems };
}

type Rule = (node: JsonObject, context: { ids: Map<string, JsonObject>; document: Document }) => string[];

/** A reference such as `author`: an object with a name, or an `@id` of a node of the page that has one. */
function namedEntity(value: unknown, property: string, ids: Map<string, JsonObject>): string[] {
	if (!isObject(value)) return [`${property} is missing`];
	const target = Object.keys(value).length === 1 && typeof value['@id'] === 'string' ? ids.get(value['@id']) : value;
	if (!target) return [`${property} refers to ${String(value['@id'])}, which is not on the page`];
	return isText(target['name']) ? [] : [`${property} has no name`];
}

const rules: Record<string, Rule> = {
	Organization: (node) => [
		...(isText(node['name']) ? [] : ['Organization has no name']),
		...(isAbsoluteUrl(node['url']) ? [] : ['Organization has no absolute url']),
		...(node['logo'] === undefined || isAbsoluteUrl(node['logo']) ? [] : ['Organization logo is not an absolute URL']),
	],
	WebSite: (node) => {
		const problems = [
			...(isText(node['name']) ? [] : ['WebSite has no name']),
			...(isAbsoluteUrl(node['url']) ? [] : ['WebSite has no absolute url']),
		];
		const action = node['potentialAction'];
		if (action === undefined) return problems;
		if (!isObject(action) || action['@type'] !== 'SearchAction') return [...problems, 'WebSite potentialAction is not a SearchAction'];
		const target = action['target'];
		const template = isObject(target) ? target['urlTemplate'] : target;
		const input = /^required name=(\w+)$/.exec(String(action['query-input']))?.[1];
		if (!input) problems.push('SearchAction has no "query-input": "required name=…"');
		if (!isAbsoluteUrl(String(template).replace(/\{\w+\}/g, 'x'))) problems.push('SearchAction target has no absolute urlTemplate');
		else if (input && !String(template).includes(`{${input}}`)) problems.push(`SearchAction urlTemplate does not contain {${input}}`);
		return problems;
	},
	BreadcrumbList: (node, { document }) => {
		const items = node['itemListElement'];
		if (!Array.isArray(items) || items.length === 0) return ['BreadcrumbList has no itemListElement'];
		const problems = items.flatMap((item: unknown, index) => {
			if (!isObject(item) || item['@type'] !== 'ListItem') return [`breadcrumb ${index + 1} is not a ListItem`];
			return [
				...(item['position'] === index + 1 ? [] : [`breadcrumb ${index + 1} has position ${String(item['position'])}`]),
				...(isText(item['name']) ? [] : [`breadcrumb ${index + 1} has no name`]),
				...(index === items.length - 1 || isAbsoluteUrl(item['item']) ? [] : [`breadcrumb ${index + 1} has no absolute item URL`]),
			];
		});
		const visible = [...document.querySelectorAll('.breadcrumbs a')].map((link) => normalize(link.textContent));
		const names = items.map((item: unknown) => (isObject(item) ? normalize(String(item['name'])) : ''));
		if (visible.length > 0 && visible.join(' › ') !== names.join(' › ')) {
			problems.push(`BreadcrumbList (${names.join(' › ')}) differs from the breadcrumbs shown (${visible.join(' › ')})`);
		}
		return problems;
	},
	Article: (node, { ids, document }) => {
		const problems = [
			...(isText(node['headline']) && String(node['headline']).length <= 110 ? [] : ['Article has no headline of at most 110 characters']),
			...(isIsoDate(node['datePublished']) ? [] : ['Article datePublished is not an ISO 8601 date']),
			...(isIsoDate(node['dateModified']) ? [] : ['Article dateModified is not an ISO 8601 date']),
			...(isText(node['inLanguage']) ? [] : ['Article has no inLanguage']),
			...(isAbsoluteUrl(node['image']) ? [] : ['Article has no absolute image URL']),
			...namedEntity(node['author'], 'Article author', ids),
			...namedEntity(node['publisher'], 'Article publisher', ids),
		];
		if (String(node['dateModified']) < String(node['datePublished'])) problems.push('Article dateModified is before datePublished');
		const heading = normalize(document.querySelector('h1')?.textContent);
		if (isText(node['headline']) && heading !== normalize(String(node['headline']))) {
			problems.push(`Article headline "${String(node['headline'])}" is not the page's heading "${heading}"`);
		}
		return problems;
	},
	FAQPage: (node, { document }) => {
		const questions = node['mainEntity'];
		if (!Array.isArray(questions) || questions.length === 0) return ['FAQPage has no mainEntity questions'];
		const pageText = normalize(document.body.textContent);
		return questions.flatMap((question: unknown, index) => {
			if (!isObject(question) || question['@type'] !== 'Question') return [`FAQ item ${index + 1} is not a Question`];
			const answer = question['acceptedAnswer'];
			const problems = [
				...(isText(question['name']) ? [] : [`FAQ question ${index + 1} has no name`]),
				...(isObject(answer) && answer['@type'] === 'Answer' && isText(answer['text']) ? [] : [`FAQ question ${index + 1} has no acceptedAnswer text`]),
			];
			// Search engines refuse FAQ markup for questions that readers cannot see.
			if (isText(question['name']) && !pageText.includes(normalize(question['name']))) {
				problems.push(`FAQ question "${question['name']}" is not shown on the page`);
			}
			if (isObject(answer) && isText(answer['text']) && !pageText.includes(normalize(answer['text']))) {
				problems.push(`FAQ answer ${index + 1} is not shown on the page`);
			}
			return problems;
		});
	},
};

/** The types a page declares, in order: `Organization`, `WebSite`, `BreadcrumbList`… */
export function jsonLdTypes(document: Document): string[] {
	return readJsonLd(document).nodes.map((node) => String(node['@type']));
}

/**
 * Parses the JSON-LD of a page back and checks each node against the properties its type requires (Google's
 * required and recommended ones for the types we publish), that every `@id` reference resolves, and that what
 * it claims matches what the page shows (headline, breadcrumbs, FAQ questions and answers).
 */
export function checkJsonLd(document: Document): string[] {
	const { nodes, problems } = readJsonLd(document);
	const ids = new Map(nodes.filter((node) => typeof node['@id'] === 'string').map((node) => [String(node['@id']), node]));
	for (const node of nodes) {
		const type = String(node['@type']);
		const rule = rules[type];
		if (!rule) problems.push(`JSON-LD type "${type}" has no checks: add them to tests/support/validators/structured-data.ts`);
		else problems.push(...rule(node, { ids, document }));
	}
	return problems;
}
