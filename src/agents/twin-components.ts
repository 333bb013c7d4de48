import { selfServiceUrl } from '../config/page-urls';
import { site } from '../config/site';
import { translate } from '../i18n/translate';
import { absoluteUrl } from '../seo/urls';
import { toVideoEmbed } from '../utils/video-embed';

const calloutTypes = ['tip', 'note', 'warning'] as const;
type CalloutType = (typeof calloutTypes)[number];

const isCalloutType = (type: string): type is CalloutType => (calloutTypes as readonly string[]).includes(type);

/** The contact box: a heading, the reply time and a link for each way to reach the shop. */
export function contactCtaMarkdown(locale: string): string {
	const { contact } = site;
	const text = translate(locale, 'contact.text', { hours: contact.replyWithinHours, schedule: contact.hours[locale] ?? '' });
	const actions = [`- [${translate(locale, 'contact.email')}](mailto:${contact.email})`];
	if (contact.phone) {
		actions.push(`- [${translate(locale, 'contact.call', { phone: contact.phone })}](tel:${contact.phone.replace(/\s/g, '')})`);
	}
	return `## ${translate(locale, 'contact.heading')}\n\n${text}\n\n${actions.join('\n')}`;
}

/** A callout: a quote opening with its label in the article's language. */
export function calloutMarkdown(locale: string, type: string, content: string): string {
	const label = translate(locale, `callout.${isCalloutType(type) ? type : 'note'}`);
	const lines = `**${label}**\n${content.trim()}`.split('\n');
	return lines.map((line) => (line.trim() ? `> ${line}` : '>')).join('\n');
}

/** The order lookup form becomes a link to the tracking page, where shoppers can use it. */
export function orderLookupMarkdown(locale: string): string {
	return `[${translate(locale, 'selfService.track.title')}](${absoluteUrl(selfServiceUrl(locale, 'track'))}): ${translate(locale, 'selfService.track.text')}`;
}

/** A video becomes a link to its page (agents cannot play it, but can cite it); one it cannot link, its title. */
export function videoMarkdown(locale: string, src: string, title: string): string {
	const embed = toVideoEmbed(src);
	if (!embed) return title;
	return `[${translate(locale, 'video.watch', { title, provider: embed.provider })}](${embed.watchUrl})`;
}
