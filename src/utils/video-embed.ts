/** A video from a host we can embed without tracking cookies. */
export interface VideoEmbed {
	provider: 'YouTube' | 'Vimeo';
	/** Address for the iframe: youtube-nocookie.com or Vimeo with "do not track". */
	embedUrl: string;
	/** Address of the video's own page, for a plain link next to the player. */
	watchUrl: string;
}

const youtubeId = /^[\w-]{6,20}$/;

function parse(src: string): URL | undefined {
	try {
		// Embeds copied from old help centers often start with "//".
		return new URL(src.startsWith('//') ? `https:${src}` : src);
	} catch {
		return undefined;
	}
}

function youtubeStart(url: URL): string | undefined {
	const value = url.searchParams.get('start') ?? url.searchParams.get('t');
	const seconds = value?.match(/^(\d+)s?$/)?.[1];
	return seconds && seconds !== '0' ? seconds : undefined;
}

/**
 * Recognises YouTube and Vimeo addresses in any of their usual forms (watch page, short link, embed, player)
 * and returns privacy-friendly embed and watch addresses; undefined for anything else.
 */
export function toVideoEmbed(src: string): VideoEmbed | undefined {
	const url = parse(src.trim());
	if (!url || !/^https?:$/.test(url.protocol)) return undefined;
	const host = url.hostname.replace(/^(www\.|m\.)/, '');
	const segments = url.pathname.split('/').filter(Boolean);
	let id: string | undefined;
	if (host === 'youtu.be') id = segments[0];
	else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
		if (segments[0] === 'watch') id = url.searchParams.get('v') ?? undefined;
		else if (segments[0] === 'embed' || segments[0] === 'shorts' || segments[0] === 'live' || segments[0] === 'v') id = segments[1];
	}
	if (id !== undefined) {
		if (!youtubeId.test(id)) return undefined;
		const start = youtubeStart(url);
		return {
			provider: 'YouTube',
			embedUrl: `https://www.youtube-nocookie.com/embed/${id}${start ? `?start=${start}` : ''}`,
			watchUrl: `https://www.youtube.com/watch?v=${id}${start ? `&t=${start}s` : ''}`,
		};
	}
	const vimeoId = host === 'vimeo.com' ? segments.find((segment) => /^\d+$/.test(segment)) : host === 'player.vimeo.com' && segments[0] === 'video' ? segments[1] : undefined;
	if (vimeoId && /^\d+$/.test(vimeoId)) {
		// Unlisted Vimeo videos need their hash, either as ?h= or as the path segment after the id.
		const afterId = segments[segments.indexOf(vimeoId) + 1];
		const hash = url.searchParams.get('h') ?? (afterId && /^[0-9a-f]{6,}$/.test(afterId) ? afterId : undefined);
		return {
			provider: 'Vimeo',
			embedUrl: `https://player.vimeo.com/video/${vimeoId}?dnt=1${hash ? `&h=${hash}` : ''}`,
			watchUrl: `https://vimeo.com/${vimeoId}${hash ? `/${hash}` : ''}`,
		};
	}
	return undefined;
}
