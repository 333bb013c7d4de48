import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../functions/connectors/errors';
import { createGorgiasHelpdesk } from '../../functions/connectors/gorgias';
import { createShopifyShop } from '../../functions/connectors/shopify';
import { createZendeskHelpdesk } from '../../functions/connectors/zendesk';
import { createGorgiasFake } from '../fakes/gorgias-fake';
import { inProcessFetch } from '../fakes/in-process';
import { createShopifyFake } from '../fakes/shopify-fake';
import { createZendeskFake } from '../fakes/zendesk-fake';

const ticket = {
	reference: 'hc_workerd_1',
	kind: 'contact' as const,
	customer: { name: 'Jane Doe', email: 'jane.doe@example.com' },
	subject: 'Hello',
	body: 'Where is my parcel?',
	locale: 'fr-FR',
	tags: ['help-center'],
	orderName: null,
};

// The connectors run inside the Worker: these tests run them in workerd, with the fakes answering in process.
describe('connectors inside workerd', () => {
	it('Shopify: looks up an order with the default vendor URL and the pinned version', async () => {
		const fake = createShopifyFake({ accessToken: 'shpat_workerd' });
		const shop = createShopifyShop({ shop: 'alder-pine', accessToken: 'shpat_workerd' }, { fetch: inProcessFetch(fake.app) });
		expect((await shop.findOrderByName('#1002'))?.fulfillmentStatus).toBe('unfulfilled');
		expect(fake.control.requests[0]?.path).toBe('/admin/api/2026-10/graphql.json');
		expect(fake.violations()).toEqual([]);
	});

	it('Gorgias: creates one ticket, and a timeout is a retryable failure', async () => {
		const fake = createGorgiasFake();
		const helpdesk = createGorgiasHelpdesk(
			{ domain: 'alder-pine', ...fake.credentials, timeoutMs: 150 },
			{ fetch: inProcessFetch(fake.app) },
		);
		fake.setFaults({ timeouts: 1, timeoutMs: 600, target: 'create' });
		const error = await helpdesk.createTicket(ticket).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(ConnectorError);
		expect((error as ConnectorError).retryable).toBe(true);
		// The fake created the ticket before hanging: the retry must find it, not create another.
		fake.control.release();
		await helpdesk.createTicket(ticket);
		expect(fake.tickets()).toHaveLength(1);
		expect(fake.tickets()[0]!.body.language).toBe('fr');
		expect(fake.violations()).toEqual([]);
	});

	it('Zendesk: creates a ticket with Basic token credentials, whatever characters the token holds', async () => {
		const fake = createZendeskFake({ email: 'agent@alder-pine.example', apiToken: 'tøkén✓' });
		const helpdesk = createZendeskHelpdesk({ subdomain: 'alder-pine', ...fake.credentials }, { fetch: inProcessFetch(fake.app) });
		await helpdesk.createTicket(ticket);
		expect(fake.tickets()).toHaveLength(1);
		expect(fake.violations()).toEqual([]);
	});
});
