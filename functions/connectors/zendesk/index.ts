export { type ZendeskConfig, type ZendeskConfigInput, zendeskConfigSchema, zendeskEnvSchema } from './config';
export { createZendeskHelpdesk, zendeskTicketBody } from './zendesk-helpdesk';
