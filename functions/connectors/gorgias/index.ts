export { type GorgiasConfig, type GorgiasConfigInput, gorgiasConfigSchema, gorgiasEnvSchema } from './config';
export { createGorgiasHelpdesk } from './gorgias-helpdesk';
export { gorgiasTicketBody } from './ticket-body';
