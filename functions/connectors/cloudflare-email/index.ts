export { createCloudflareMailer, isSendEmailBinding } from './cloudflare-mailer';
