import { Hono } from 'hono';
import { z } from 'zod';
import { addAdminRoutes, isJson } from './admin-routes.ts';
import { cannedResponse, FakeControl } from './faults.ts';
import {
	allValues,
	type Field,
	GraphqlSyntaxError,
	type Operation,
	parseOperation,
	project,
	queryCost,
	resolveArgs,
	UnknownFieldError,
} from './graphql-document.ts';
import {
	type FakeOrder,
	type FakeReturn,
	type FakeReturnReason,
	fixtureOrders,
	fixtureReturnReasons,
} from './shopify-fixtures.ts';

export const fakeApiVersion = '2026-10';

export interface ShopifyFakeOptions {
	/** A static Admin API token the fake accepts. */
	accessToken?: string;
	/** Client credentials the fake's `/admin/oauth/access_token` accepts. */
	clientId?: string;
	clientSecret?: string;
	/** Lifetime of issued tokens in seconds. */
	tokenLifetimeSeconds?: number;
}

const maxQueryCost = 1000;
const bucket = { maximumAvailable: 2000, restoreRate: 100 };
/** What the bucket holds when the fake throttles: the client must wait (cost − 10) / 100 s. */
const throttledAvailable = 10;

const gidOf = (type: string) => z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+$`));
const first = z.number().int().min(1).max(250);

/** ReturnRequestInput (2026-10): `returnReason` is deprecated, so sending it breaks the contract. */
const returnRequestInput = z
	.object({
		orderId: gidOf('Order'),
		returnLineItems: z
			.array(
				z
					.object({
						fulfillmentLineItemId: gidOf('FulfillmentLineItem'),
						quantity: z.number().int().min(1),
						returnReasonDefinitionId: gidOf('ReturnReasonDefinition').optional(),
						customerNote: z.string().max(300).optional(),
					})
					.strict(),
			)
			.min(1),
	})
	.strict();

/** MailingAddressInput without the deprecated `country` and `province` names. */
const mailingAddressInput = z
	.object({
		firstName: z.string(),
		lastName: z.string(),
		address1: z.string().min(1),
		address2: z.string().optional(),
		city: z.string().min(1),
		company: z.string().optional(),
		provinceCode: z.string().optional(),
		zip: z.string().min(1),
		countryCode: z.string().regex(/^[A-Z]{2}$/),
		phone: z.string().optional(),
	})
	.strict();

const rootArgs = {
	orders: z
		.object({
			first,
			query: z.string().regex(/^name:#\d{1,12}$/, 'search must be name:#<digits>'),
			sortKey: z.enum(['ORDER_NUMBER', 'ID', 'RELEVANCE', 'CREATED_AT']).optional(),
		})
		.strict(),
	order: z.object({ id: gidOf('Order') }).strict(),
	returnableFulfillments: z.object({ orderId: gidOf('Order'), first }).strict(),
	returnReasonDefinitions: z.object({ first, handles: z.array(z.string()).optional() }).strict(),
	returnRequest: z.object({ input: returnRequestInput }).strict(),
	orderUpdate: z.object({ input: z.object({ id: gidOf('Order'), shippingAddress: mailingAddressInput }).strict() }).strict(),
} as const;
type RootField = keyof typeof rootArgs;
const queryFields = new Set<RootField>(['orders', 'order', 'returnableFulfillments', 'returnReasonDefinitions']);

const requestBodySchema = z
	.object({
		query: z.string().min(1),
		variables: z.record(z.string(), z.unknown()).optional(),
		operationName: z.string().optional(),
	})
	.strict();

/** A request the fake understood: the operation's name and root fields, and the cost it was charged. */
export interface ShopifyFakeCall {
	operation: string;
	rootFields: string[];
	variables: Record<string, unknown>;
	cost: number;
}

function graphqlError(message: string, code: string) {
	return { errors: [{ message, extensions: { code } }] };
}

/**
 * A fake Shopify Admin GraphQL API, version 2026-10: checks each request (path with the pinned version,
 * X-Shopify-Access-Token, JSON, one named operation, shopper data only in variables, variables declared and
 * typed as documented, a selection the schema has, a cost under 1,000) and answers like Shopify, including
 * THROTTLED on HTTP 200 or 429, userErrors, and `/admin/oauth/access_token` for client credentials.
 */
export function createShopifyFake(options: ShopifyFakeOptions = {}) {
	const control = new FakeControl();
	let orders: FakeOrder[] = fixtureOrders();
	const reasons: FakeReturnReason[] = fixtureReturnReasons();
	const calls: ShopifyFakeCall[] = [];
	const issuedTokens = new Map<string, number>();
	let tokenRequests = 0;
	let nextId = 9000;
	/** Emulates the reported "success without change" of orderUpdate. */
	let ignoreAddressUpdates = false;

	function reset() {
		control.reset();
		orders = fixtureOrders();
		calls.length = 0;
		issuedTokens.clear();
		tokenRequests = 0;
		ignoreAddressUpdates = false;
	}

	function tokenValid(token: string | undefined): boolean {
		if (token === undefined) return false;
		if (options.accessToken !== undefined && token === options.accessToken) return true;
		const expiresAt = issuedTokens.get(token);
		return expiresAt !== undefined && expiresAt > Date.now();
	}

	function returnable(order: FakeOrder): Map<string, { fulfillmentId: string; quantity: number }> {
		const result = new Map<string, { fulfillmentId: string; quantity: number }>();
		for (const fulfillment of order.fulfillments) {
			if (fulfillment.status !== 'SUCCESS') continue;
			for (const item of fulfillment.fulfillmentLineItems.nodes)
				result.set(item.id, { fulfillmentId: fulfillment.id, quantity: item.quantity });
		}
		for (const existing of order.returns.nodes) {
			if (existing.status === 'CANCELED' || existing.status === 'DECLINED') continue;
			for (const item of existing.returnLineItems.nodes) {
				const entry = result.get(item.fulfillmentLineItem.id);
				if (entry) entry.quantity -= item.quantity;
			}
		}
		return result;
	}

	const resolvers: Record<RootField, (args: never) => unknown> = {
		orders: (args: z.infer<typeof rootArgs.orders>) => {
			// Prefix semantics, the less convenient of the two Shopify might have: callers must re-check names.
			const prefix = args.query.slice('name:'.length);
			const number = (order: FakeOrder) => Number(order.name.slice(1));
			// Sorted by order number when asked; otherwise the newest first, which puts #10010 before #1001.
			const direction = args.sortKey === 'ORDER_NUMBER' ? 1 : -1;
			return { nodes: orders.filter((order) => order.name.startsWith(prefix)).sort((a, b) => direction * (number(a) - number(b))) };
		},
		order: (args: z.infer<typeof rootArgs.order>) => orders.find((order) => order.id === args.id) ?? null,
		returnableFulfillments: (args: z.infer<typeof rootArgs.returnableFulfillments>) => {
			const order = orders.find((candidate) => candidate.id === args.orderId);
			if (!order) return { nodes: [] };
			const byFulfillment = new Map<string, { fulfillmentLineItem: { id: string }; quantity: number }[]>();
			for (const [id, entry] of returnable(order)) {
				if (entry.quantity <= 0) continue;
				byFulfillment.set(entry.fulfillmentId, [
					...(byFulfillment.get(entry.fulfillmentId) ?? []),
					{ fulfillmentLineItem: { id }, quantity: entry.quantity },
				]);
			}
			return {
				nodes: [...byFulfillment].map(([fulfillmentId, items], index) => ({
					id: `gid://shopify/ReturnableFulfillment/${index + 1}`,
					fulfillment: { id: fulfillmentId },
					returnableFulfillmentLineItems: { nodes: items },
				})),
			};
		},
		returnReasonDefinitions: (args: z.infer<typeof rootArgs.returnReasonDefinitions>) => ({
			nodes: reasons.filter((reason) => !args.handles || args.handles.includes(reason.handle)),
		}),
		returnRequest: ({ input }: z.infer<typeof rootArgs.returnRequest>) => {
			const order = orders.find((candidate) => candidate.id === input.orderId);
			if (!order)
				return {
					return: null,
					userErrors: [{ field: ['input', 'orderId'], message: 'Order does not exist', code: 'NOT_FOUND' }],
				};
			const available = returnable(order);
			const userErrors = input.returnLineItems.flatMap((line, index) => {
				const errors = [];
				if ((available.get(line.fulfillmentLineItemId)?.quantity ?? 0) < line.quantity) {
					errors.push({
						field: ['input', 'returnLineItems', String(index), 'quantity'],
						message: 'Quantity is not returnable',
						code: 'INVALID',
					});
				}
				if (line.returnReasonDefinitionId && !reasons.some((reason) => reason.id === line.returnReasonDefinitionId)) {
					errors.push({
						field: ['input', 'returnLineItems', String(index), 'returnReasonDefinitionId'],
						message: 'Reason not found',
						code: 'NOT_FOUND',
					});
				}
				return errors;
			});
			if (userErrors.length > 0) return { return: null, userErrors };
			const created: FakeReturn & { order: { id: string } } = {
				id: `gid://shopify/Return/${nextId++}`,
				status: 'REQUESTED',
				order: { id: order.id },
				returnLineItems: {
					nodes: input.returnLineItems.map((line) => {
						const item = order.fulfillments
							.flatMap((fulfillment) => fulfillment.fulfillmentLineItems.nodes)
							.find((candidate) => candidate.id === line.fulfillmentLineItemId)!;
						const reason = reasons.find((candidate) => candidate.id === line.returnReasonDefinitionId);
						return {
							__typename: 'ReturnLineItem' as const,
							id: `gid://shopify/ReturnLineItem/${nextId++}`,
							quantity: line.quantity,
							customerNote: line.customerNote ?? null,
							returnReasonDefinition: reason ? { id: reason.id, handle: reason.handle } : null,
							fulfillmentLineItem: { id: item.id, lineItem: item.lineItem },
						};
					}),
				},
			};
			order.returns.nodes.push(created);
			return { return: created, userErrors: [] };
		},
		orderUpdate: ({ input }: z.infer<typeof rootArgs.orderUpdate>) => {
			const order = orders.find((candidate) => candidate.id === input.id);
			if (!order) return { order: null, userErrors: [{ field: ['id'], message: 'Order does not exist' }] };
			if (!ignoreAddressUpdates) {
				const address = input.shippingAddress;
				order.shippingAddress = {
					firstName: address.firstName,
					lastName: address.lastName,
					address1: address.address1,
					address2: address.address2 ?? null,
					city: address.city,
					province: address.provinceCode ?? null,
					provinceCode: address.provinceCode ?? null,
					// Shopify formats postal codes its own way; the connector must compare loosely.
					zip: address.zip.toUpperCase(),
					country: address.countryCode,
					countryCodeV2: address.countryCode,
					phone: address.phone ?? null,
				};
			}
			return { order, userErrors: [] };
		},
	};

	/** Checks the operation against our contract; answers the violations found. */
	function checkOperation(operation: Operation, variables: Record<string, unknown>): string[] {
		const problems: string[] = [];
		if (!operation.name) problems.push('anonymous operation');
		if ([...allValues(operation.selections)].some((value) => value.kind === 'string')) {
			problems.push('string literal in the document: shopper data must travel as variables');
		}
		for (const [name, definition] of Object.entries(operation.variables)) {
			if (definition.type.endsWith('!') && !definition.hasDefault && variables[name] === undefined)
				problems.push(`variable $${name} missing`);
		}
		for (const name of Object.keys(variables))
			if (!(name in operation.variables)) problems.push(`variable $${name} not declared`);
		for (const selection of operation.selections) {
			if (selection.kind !== 'field') problems.push('fragment at the root');
			else if (!(selection.name in rootArgs)) problems.push(`root field ${selection.name} is not part of the contract`);
			else if (queryFields.has(selection.name as RootField) !== (operation.type === 'query'))
				problems.push(`${selection.name} in a ${operation.type}`);
		}
		const usedVariables = new Set(
			[...allValues(operation.selections)].flatMap((value) => (value.kind === 'variable' ? [value.name] : [])),
		);
		for (const name of Object.keys(operation.variables)) if (!usedVariables.has(name)) problems.push(`variable $${name} unused`);
		return problems;
	}

	function execute(
		operation: Operation,
		variables: Record<string, unknown>,
	): { data?: Record<string, unknown>; problems: string[] } {
		const data: Record<string, unknown> = {};
		const problems: string[] = [];
		for (const selection of operation.selections as Field[]) {
			const name = selection.name as RootField;
			const args = rootArgs[name].safeParse(resolveArgs(selection, variables));
			if (!args.success) {
				problems.push(...args.error.issues.map((issue) => `${name}(${issue.path.join('.')}): ${issue.message}`));
				continue;
			}
			const raw = (resolvers[name] as (args: unknown) => unknown)(args.data);
			try {
				data[selection.alias ?? name] = selection.selections ? project(raw, selection.selections, variables, name) : raw;
			} catch (error) {
				if (!(error instanceof UnknownFieldError)) throw error;
				problems.push(`field ${error.message} does not exist`);
			}
		}
		return problems.length > 0 ? { problems } : { data, problems };
	}

	const app = new Hono();
	addAdminRoutes(app, control, reset);
	app.get('/__fake/calls', (c) => c.json({ calls }));
	app.get('/__fake/orders', (c) => c.json({ orders }));

	app.post('/admin/oauth/access_token', async (c) => {
		control.requests.push({ method: 'POST', path: c.req.path });
		tokenRequests += 1;
		if (c.req.header('Content-Type') !== 'application/x-www-form-urlencoded') {
			control.violation('access_token: Content-Type is not application/x-www-form-urlencoded');
			return c.json({ error: 'invalid_request' }, 400);
		}
		const form = new URLSearchParams(await c.req.text());
		if (form.get('grant_type') !== 'client_credentials' || !form.get('client_id') || !form.get('client_secret')) {
			control.violation('access_token: needs grant_type=client_credentials, client_id and client_secret');
			return c.json({ error: 'invalid_request' }, 400);
		}
		if (form.get('client_id') !== options.clientId || form.get('client_secret') !== options.clientSecret) {
			return c.json({ error: 'invalid_client' }, 401);
		}
		const lifetime = options.tokenLifetimeSeconds ?? 86_399;
		const token = `shpat_fake_${nextId++}`;
		issuedTokens.set(token, Date.now() + lifetime * 1000);
		return c.json({ access_token: token, scope: 'read_orders,write_orders,read_returns,write_returns', expires_in: lifetime });
	});

	app.post('/admin/api/:version/graphql.json', async (c) => {
		control.requests.push({ method: 'POST', path: c.req.path });
		if (c.req.param('version') !== fakeApiVersion) {
			control.violation(`API version ${c.req.param('version')} instead of ${fakeApiVersion}`);
			return c.json({ errors: 'Not Found' }, 404);
		}
		const token = c.req.header('X-Shopify-Access-Token');
		if (token === undefined) control.violation('no X-Shopify-Access-Token');
		if (!tokenValid(token))
			return c.json({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }, 401);
		if (!isJson(c.req.header('Content-Type'))) {
			control.violation('Content-Type is not application/json');
			return c.json({ errors: 'Bad Request' }, 400);
		}
		const body = requestBodySchema.safeParse(await c.req.json().catch(() => undefined));
		if (!body.success) {
			control.violation('body is not { query, variables }');
			return c.json({ errors: 'Bad Request' }, 400);
		}
		const variables = body.data.variables ?? {};
		let operation: Operation;
		try {
			operation = parseOperation(body.data.query);
		} catch (error) {
			if (!(error instanceof GraphqlSyntaxError)) throw error;
			control.violation(`unreadable document: ${error.message}`);
			return c.json(graphqlError(`Parse error: ${error.message}`, 'PARSE_ERROR'));
		}
		const problems = checkOperation(operation, variables);
		if (problems.length > 0) {
			for (const problem of problems) control.violation(`${operation.name ?? 'operation'}: ${problem}`);
			return c.json(graphqlError(problems.join('; '), 'BAD_REQUEST'));
		}
		const cost = queryCost(operation.selections, variables);
		const rootFields = (operation.selections as Field[]).map((field) => field.name);
		calls.push({ operation: operation.name!, rootFields, variables, cost });
		if (cost > maxQueryCost) {
			control.violation(`${operation.name}: requested cost ${cost} exceeds ${maxQueryCost}`);
			return c.json(
				graphqlError(
					`Query cost is ${cost}, which exceeds the single query max cost limit (${maxQueryCost}).`,
					'MAX_COST_EXCEEDED',
				),
			);
		}

		const canned = control.takeCanned();
		if (canned) return cannedResponse(canned);
		const mutation = operation.type === 'mutation';
		const fault = control.takeFault(mutation);
		if (fault?.kind === 'fail500') return c.json({ errors: 'Internal Server Error' }, 500);
		if (fault?.kind === 'rateLimit') {
			const headers: Record<string, string> =
				fault.retryAfterSeconds === null ? {} : { 'Retry-After': `${fault.retryAfterSeconds}.0` };
			return c.json(
				{ errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' },
				429,
				headers,
			);
		}
		if (fault?.kind === 'throttled') {
			return c.json(
				{
					errors: [
						{
							message: 'Throttled',
							extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
						},
					],
					extensions: {
						cost: {
							requestedQueryCost: cost,
							actualQueryCost: null,
							throttleStatus: { ...bucket, currentlyAvailable: throttledAvailable },
						},
					},
				},
				fault.status,
			);
		}
		let result: ReturnType<typeof execute> | undefined;
		if (fault?.kind === 'timeout') {
			if (fault.creates || !mutation) result = execute(operation, variables);
			await control.hang(fault.ms);
			if (!result) return c.json({ errors: 'Gateway Timeout' }, 504);
		}
		result ??= execute(operation, variables);
		if (!result.data) {
			for (const problem of result.problems) control.violation(`${operation.name}: ${problem}`);
			return c.json(graphqlError(result.problems.join('; '), 'BAD_REQUEST'));
		}
		return c.json({
			data: result.data,
			extensions: {
				cost: {
					requestedQueryCost: cost,
					actualQueryCost: cost,
					throttleStatus: { ...bucket, currentlyAvailable: bucket.maximumAvailable - cost },
				},
			},
		});
	});

	app.all('*', (c) => {
		control.violation(`${c.req.method} ${c.req.path}: not part of the contract`);
		return c.json({ errors: 'Not Found' }, 404);
	});

	return {
		app,
		control,
		orders: (): readonly FakeOrder[] => orders,
		order: (name: string) => orders.find((order) => order.name === name),
		calls: (): readonly ShopifyFakeCall[] => calls,
		tokenRequests: () => tokenRequests,
		/** Forgets every issued token, as if Shopify revoked them. */
		revokeTokens: () => issuedTokens.clear(),
		ignoreAddressUpdates: (ignore = true) => {
			ignoreAddressUpdates = ignore;
		},
		violations: (): readonly string[] => control.violations,
		setFaults: control.setFaults.bind(control),
		respondOnce: control.respondOnce.bind(control),
		reset,
	};
}
export type ShopifyFake = ReturnType<typeof createShopifyFake>;
