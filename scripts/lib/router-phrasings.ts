import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { modelActions } from '../../src/answers/order-intent-model.ts';
import { projectRoot } from './bench-project.ts';

const phrasingSchema = z.tuple([z.string().min(2), z.string().min(1), z.enum(modelActions).nullable()]);
const phrasingFileSchema = z.strictObject({ description: z.string(), phrasings: z.array(phrasingSchema).min(1) });

/** A shopper's phrasing and the page it wants (null: a rule question, for the articles). */
export interface RouterPhrasing {
	locale: string;
	question: string;
	action: z.output<typeof phrasingSchema>[2];
}

/**
 * The router's checked-in phrasings: `router-phrasings.json`, which the patterns must route and the model is
 * fitted on, or `router-check.json`, written apart and never fitted on (tests/fixtures/answers/README.md).
 */
export function routerPhrasings(file: 'router-phrasings.json' | 'router-check.json'): RouterPhrasing[] {
	const parsed = phrasingFileSchema.parse(JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/answers', file), 'utf8')));
	return parsed.phrasings.map(([locale, question, action]) => ({ locale, question, action }));
}
