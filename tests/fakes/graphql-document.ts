/**
 * Just enough GraphQL for a fake server: parses one operation (variables, fields, aliases, arguments, inline
 * fragments), projects resolver results onto its selection like a real server, and estimates the query cost
 * the way Shopify documents it (objects 1, connections 2 + first × node cost, scalars 0). No directives,
 * no named fragments: our documents do not use them, and the fake rejects what it cannot read.
 */

export type Value =
	| { kind: 'variable'; name: string }
	| { kind: 'string'; value: string }
	| { kind: 'number'; value: number }
	| { kind: 'boolean'; value: boolean }
	| { kind: 'null' }
	| { kind: 'enum'; value: string }
	| { kind: 'list'; values: Value[] }
	| { kind: 'object'; fields: Record<string, Value> };

export interface Field {
	kind: 'field';
	alias: string | undefined;
	name: string;
	args: Record<string, Value>;
	selections: Selection[] | undefined;
}
export interface InlineFragment {
	kind: 'fragment';
	typeCondition: string;
	selections: Selection[];
}
export type Selection = Field | InlineFragment;

export interface Operation {
	type: 'query' | 'mutation';
	name: string | undefined;
	variables: Record<string, { type: string; hasDefault: boolean }>;
	selections: Selection[];
}

export class GraphqlSyntaxError extends Error {}

const tokenPattern =
	/\s+|,|#[^\n]*|\.\.\.|[!$():=@[\]{|}]|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|"(?:\\.|[^"\\\n])*"|[_A-Za-z][_0-9A-Za-z]*/y;

function tokenize(source: string): string[] {
	const tokens: string[] = [];
	tokenPattern.lastIndex = 0;
	while (tokenPattern.lastIndex < source.length) {
		const start = tokenPattern.lastIndex;
		const match = tokenPattern.exec(source);
		if (!match) throw new GraphqlSyntaxError(`unexpected character at ${start}`);
		const token = match[0];
		if (/^\s/.test(token) || token === ',' || token.startsWith('#')) continue;
		tokens.push(token);
	}
	return tokens;
}

/** Parses a document holding exactly one operation. */
export function parseOperation(source: string): Operation {
	const tokens = tokenize(source);
	let position = 0;
	const peek = () => tokens[position];
	const next = () => {
		const token = tokens[position++];
		if (token === undefined) throw new GraphqlSyntaxError('unexpected end of document');
		return token;
	};
	const expect = (token: string) => {
		const actual = next();
		if (actual !== token) throw new GraphqlSyntaxError(`expected ${token}, found ${actual}`);
	};
	const name = () => {
		const token = next();
		if (!/^[_A-Za-z]/.test(token)) throw new GraphqlSyntaxError(`expected a name, found ${token}`);
		return token;
	};

	function type(): string {
		let text: string;
		if (peek() === '[') {
			next();
			text = `[${type()}]`;
			expect(']');
		} else text = name();
		if (peek() === '!') {
			next();
			text += '!';
		}
		return text;
	}

	function value(): Value {
		const token = next();
		if (token === '$') return { kind: 'variable', name: name() };
		if (token.startsWith('"')) return { kind: 'string', value: JSON.parse(token) as string };
		if (/^-?\d/.test(token)) return { kind: 'number', value: Number(token) };
		if (token === 'true' || token === 'false') return { kind: 'boolean', value: token === 'true' };
		if (token === 'null') return { kind: 'null' };
		if (token === '[') {
			const values: Value[] = [];
			while (peek() !== ']') values.push(value());
			next();
			return { kind: 'list', values };
		}
		if (token === '{') {
			const fields: Record<string, Value> = {};
			while (peek() !== '}') {
				const key = name();
				expect(':');
				fields[key] = value();
			}
			next();
			return { kind: 'object', fields };
		}
		if (/^[_A-Za-z]/.test(token)) return { kind: 'enum', value: token };
		throw new GraphqlSyntaxError(`unexpected ${token}`);
	}

	function selectionSet(): Selection[] {
		expect('{');
		const selections: Selection[] = [];
		while (peek() !== '}') {
			if (peek() === '@') throw new GraphqlSyntaxError('directives are not supported');
			if (peek() === '...') {
				next();
				if (next() !== 'on') throw new GraphqlSyntaxError('named fragments are not supported');
				const typeCondition = name();
				selections.push({ kind: 'fragment', typeCondition, selections: selectionSet() });
				continue;
			}
			let fieldName = name();
			let alias: string | undefined;
			if (peek() === ':') {
				next();
				alias = fieldName;
				fieldName = name();
			}
			const args: Record<string, Value> = {};
			if (peek() === '(') {
				next();
				while (peek() !== ')') {
					const argName = name();
					expect(':');
					args[argName] = value();
				}
				next();
			}
			const selections_ = peek() === '{' ? selectionSet() : undefined;
			selections.push({ kind: 'field', alias, name: fieldName, args, selections: selections_ });
		}
		next();
		return selections;
	}

	const operationType = next();
	if (operationType !== 'query' && operationType !== 'mutation') throw new GraphqlSyntaxError('expected query or mutation');
	const operationName = peek() !== '(' && peek() !== '{' ? name() : undefined;
	const variables: Operation['variables'] = {};
	if (peek() === '(') {
		next();
		while (peek() !== ')') {
			expect('$');
			const variableName = name();
			expect(':');
			const variableType = type();
			let hasDefault = false;
			if (peek() === '=') {
				next();
				value();
				hasDefault = true;
			}
			variables[variableName] = { type: variableType, hasDefault };
		}
		next();
	}
	const selections = selectionSet();
	if (position !== tokens.length) throw new GraphqlSyntaxError('a document must hold exactly one operation');
	return { type: operationType, name: operationName, variables, selections };
}

/** Every value in the operation, for checks such as "no string literals" (S10). */
export function* allValues(selections: Selection[]): Generator<Value> {
	for (const selection of selections) {
		if (selection.kind === 'fragment') {
			yield* allValues(selection.selections);
			continue;
		}
		for (const argument of Object.values(selection.args)) yield* flatten(argument);
		if (selection.selections) yield* allValues(selection.selections);
	}
}

function* flatten(value: Value): Generator<Value> {
	yield value;
	if (value.kind === 'list') for (const item of value.values) yield* flatten(item);
	if (value.kind === 'object') for (const item of Object.values(value.fields)) yield* flatten(item);
}

/** Resolves an argument value against the request's variables. */
export function resolveValue(value: Value, variables: Record<string, unknown>): unknown {
	switch (value.kind) {
		case 'variable':
			return variables[value.name];
		case 'string':
		case 'number':
		case 'boolean':
		case 'enum':
			return value.value;
		case 'null':
			return null;
		case 'list':
			return value.values.map((item) => resolveValue(item, variables));
		case 'object':
			return Object.fromEntries(Object.entries(value.fields).map(([key, item]) => [key, resolveValue(item, variables)]));
	}
}

export function resolveArgs(field: Field, variables: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(field.args).map(([key, value]) => [key, resolveValue(value, variables)]));
}

/** Connection plumbing adds no cost of its own. */
const plumbing = new Set(['nodes', 'edges', 'node', 'pageInfo']);

/** Shopify's documented cost model, approximated: what the fake reports as `requestedQueryCost`. */
export function queryCost(selections: Selection[], variables: Record<string, unknown>): number {
	let cost = 0;
	for (const selection of selections) {
		if (selection.kind === 'fragment') {
			cost += queryCost(selection.selections, variables);
			continue;
		}
		if (!selection.selections) continue;
		const inner = queryCost(selection.selections, variables);
		const first = resolveArgs(selection, variables)['first'];
		if (typeof first === 'number') cost += 2 + first * (1 + inner);
		else cost += (plumbing.has(selection.name) ? 0 : 1) + inner;
	}
	return cost;
}

export class UnknownFieldError extends Error {}

/**
 * Keeps only the selected fields of a resolver's result, as a GraphQL server does. Connections are stored as
 * `{ nodes }` and served as `nodes` or `edges { node }`; `first` slices lists; an inline fragment applies when
 * the object's `__typename` matches. Selecting a field the data does not have throws UnknownFieldError, the
 * fake's stand-in for "Field 'x' doesn't exist on type".
 */
export function project(data: unknown, selections: Selection[], variables: Record<string, unknown>, path = ''): unknown {
	if (data === null || data === undefined) return null;
	if (Array.isArray(data)) return data.map((item) => project(item, selections, variables, path));
	if (typeof data !== 'object') return data;
	const source = data as Record<string, unknown>;
	const result: Record<string, unknown> = {};
	for (const selection of selections) {
		if (selection.kind === 'fragment') {
			if (source['__typename'] === selection.typeCondition)
				Object.assign(result, project(source, selection.selections, variables, path));
			continue;
		}
		const key = selection.alias ?? selection.name;
		const fieldPath = `${path}.${selection.name}`;
		let value: unknown;
		if (selection.name === '__typename') value = source['__typename'];
		else if (selection.name === 'edges' && Array.isArray(source['nodes']))
			value = (source['nodes'] as unknown[]).map((node) => ({ node }));
		else if (selection.name in source) value = source[selection.name];
		else throw new UnknownFieldError(fieldPath);
		const first = resolveArgs(selection, variables)['first'];
		if (typeof first === 'number') {
			if (Array.isArray(value)) value = value.slice(0, first);
			else if (value && typeof value === 'object' && Array.isArray((value as { nodes?: unknown }).nodes)) {
				value = { ...(value as object), nodes: (value as { nodes: unknown[] }).nodes.slice(0, first) };
			}
		}
		if (selection.selections) {
			if (value !== null && typeof value !== 'object') throw new UnknownFieldError(`${fieldPath} (scalar with a selection)`);
			result[key] = project(value, selection.selections, variables, fieldPath);
		} else {
			if (value !== null && typeof value === 'object' && !Array.isArray(value))
				throw new UnknownFieldError(`${fieldPath} (object without a selection)`);
			if (Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object')) {
				throw new UnknownFieldError(`${fieldPath} (objects without a selection)`);
			}
			result[key] = value;
		}
	}
	return result;
}
