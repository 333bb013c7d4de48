import type { z } from 'zod';
import { ConnectorError, permanentFailure, retryAfterSeconds, temporaryFailure } from '../errors';
import { type FetchFn, parseJson, postJsonToVendor } from '../http';
import type { AccessTokenSource } from './access-token';
import { shopifyApiVersion, shopifyBaseUrl, type ShopifyConfig, shopifyVendor as vendor } from './config';
import { type GraphqlEnvelope, graphqlEnvelopeSchema } from './payloads';

/** Runs one of our fixed documents against the Admin API and returns its `data`, parsed. */
export type GraphqlRunner = <T>(document: string, variables: Record<string, unknown>, dataSchema: z.ZodType<T>) => Promise<T>;

/** The longest wait we pass on; Shopify's bucket refills within seconds. */
const maxThrottleWaitSeconds = 60;

/**
 * Checks every layer of a GraphQL answer in turn: transport status, then top-level `errors` (THROTTLED on
 * HTTP 200 or 429 is retryable after the wait Shopify's throttle status implies), then the `data` schema.
 * Mutation `userErrors` are the caller's to read.
 */
export function graphqlRunner(config: ShopifyConfig, fetchFn: FetchFn, tokens: AccessTokenSource): GraphqlRunner {
	const endpoint = `${shopifyBaseUrl(config)}/admin/api/${shopifyApiVersion}/graphql.json`;

	async function send(document: string, variables: Record<string, unknown>) {
		return postJsonToVendor(vendor, fetchFn, endpoint, { 'X-Shopify-Access-Token': await tokens.get() }, { query: document, variables }, config.timeoutMs);
	}

	return async (document, variables, dataSchema) => {
		let response = await send(document, variables);
		// A client-credentials token can be revoked or expire early: fetch a fresh one once.
		if (response.status === 401 && tokens.invalidate()) response = await send(document, variables);

		const envelope = graphqlEnvelopeSchema.safeParse(parseJson(response.text));
		const throttled = envelope.success && envelope.data.errors?.some((error) => error.extensions?.code === 'THROTTLED');
		if (response.status === 429 || throttled) {
			const wait = envelope.success ? throttleWaitSeconds(envelope.data) : undefined;
			throw temporaryFailure({
				vendor,
				detail: 'throttled',
				retryAfterSeconds: wait ?? retryAfterSeconds(response.headers.get('Retry-After')) ?? 1,
				status: response.status,
			});
		}
		if (response.status >= 500) throw temporaryFailure({ vendor, detail: 'server error', status: response.status });
		if (response.status !== 200) throw permanentFailure({ vendor, status: response.status });
		if (!envelope.success) throw temporaryFailure({ vendor, detail: 'unexpected response', status: response.status });

		const errors = envelope.data.errors ?? [];
		if (errors.length > 0) {
			// Codes only: messages can quote the variables, which hold shopper data.
			const codes = errors.map((error) => error.extensions?.code ?? 'UNKNOWN');
			if (codes.includes('INTERNAL_SERVER_ERROR')) throw temporaryFailure({ vendor, detail: 'internal error', status: response.status });
			throw new ConnectorError(`${vendor} rejected the query (${[...new Set(codes)].join(', ')})`, {
				vendor,
				kind: 'refused',
				status: response.status,
			});
		}
		const data = dataSchema.safeParse(envelope.data.data);
		if (!data.success) throw temporaryFailure({ vendor, detail: 'unexpected response', status: response.status });
		return data.data;
	};
}

/** Seconds until the bucket holds enough points for the query: (requested − available) / restore rate. */
function throttleWaitSeconds(envelope: GraphqlEnvelope): number | undefined {
	const cost = envelope.extensions?.cost;
	const status = cost?.throttleStatus;
	if (cost?.requestedQueryCost === undefined || !status || status.restoreRate <= 0) return undefined;
	const seconds = Math.ceil((cost.requestedQueryCost - status.currentlyAvailable) / status.restoreRate);
	return Math.min(Math.max(seconds, 1), maxThrottleWaitSeconds);
}
