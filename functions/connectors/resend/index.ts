export { type ResendConfig, type ResendConfigInput, resendConfigSchema, resendEnvSchema } from './config';
export { createResendMailer, resendEmailBody } from './resend-mailer';
