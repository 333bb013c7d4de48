import { defaultReturnReasonHandles } from './config';
import { returnReasonDefinitionsQuery } from './documents';
import type { GraphqlRunner } from './graphql-client';
import { returnReasonDefinitionsSchema } from './payloads';

/** How long resolved reason ids are trusted; the library changes rarely. */
const cacheLifetimeMs = 60 * 60_000;

/**
 * Resolves our return reason ids (from the site config) to Shopify `ReturnReasonDefinition` ids through their
 * stable handles. Reasons without a handle, or whose definition is missing or deleted, resolve to nothing:
 * the return is still requested, with the reason written in the customer note instead.
 */
export function returnReasonResolver(run: GraphqlRunner, overrides: Record<string, string>, now: () => number = Date.now) {
	const handles: Record<string, string> = { ...defaultReturnReasonHandles, ...overrides };
	const cache = new Map<string, { id: string | undefined; expiresAt: number }>();

	return async function resolve(reasonIds: string[]): Promise<Map<string, string>> {
		const wanted = [...new Set(reasonIds.map((reasonId) => handles[reasonId]).filter((handle) => handle !== undefined))];
		const missing = wanted.filter((handle) => (cache.get(handle)?.expiresAt ?? 0) <= now());
		if (missing.length > 0) {
			const data = await run(returnReasonDefinitionsQuery, { handles: missing }, returnReasonDefinitionsSchema);
			const found = new Map(
				data.returnReasonDefinitions.nodes.filter((node) => !node.deleted).map((node) => [node.handle, node.id]),
			);
			for (const handle of missing) cache.set(handle, { id: found.get(handle), expiresAt: now() + cacheLifetimeMs });
		}
		const resolved = new Map<string, string>();
		for (const reasonId of reasonIds) {
			const handle = handles[reasonId];
			const id = handle === undefined ? undefined : cache.get(handle)?.id;
			if (id !== undefined) resolved.set(reasonId, id);
		}
		return resolved;
	};
}
