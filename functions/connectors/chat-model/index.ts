export { type ChatModelConfig, type ChatModelConfigInput, chatModelConfigSchema, chatModelEnvSchema } from './config';
export {
	chatCompletionBody,
	type ChatCompletionRequest,
	type ChatCompletionResult,
	type ChatModel,
	createChatModel,
	defaultMaxTokens,
	type StructuredOutput,
} from './chat-model';
