export { type GithubOAuthConfig, githubScopeSchema, readGithubOAuthConfig } from './config';
export { exchangeGithubCode, githubAuthorizeUrl, GithubOAuthRefusal } from './github-oauth';
