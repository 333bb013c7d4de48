/// <reference types="astro/client" />

interface ImportMetaEnv {
	/** A digest of `src/`, set by src/integrations/code-digest.ts for incremental builds' cache keys. */
	readonly HELP_CENTER_CODE_DIGEST: string;
}
