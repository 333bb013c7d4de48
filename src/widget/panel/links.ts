import { h } from '../../components/self-service/client/dom';
import { t } from './strings';

/**
 * Every link of the panel leaves the shop's page for another site (the help center, a carrier), so it opens in a new
 * tab, says so to screen readers, and gives the new page no hold on this one.
 */
export function opensInNewTab(link: HTMLAnchorElement): HTMLAnchorElement {
	link.target = '_blank';
	const rel = new Set((link.getAttribute('rel') ?? '').split(' ').filter(Boolean));
	rel.add('noopener');
	link.setAttribute('rel', [...rel].join(' '));
	if (!link.querySelector('.visually-hidden.new-tab')) link.appendChild(h('span', { class: 'visually-hidden new-tab' }, ` ${t('widget.newTab')}`));
	return link;
}

/** A link to `url` (a help-center path such as `/en/track`, or any absolute address) resolved against `origin`. */
export function externalLink(origin: string, url: string, text: string, attributes: Record<string, string> = {}): HTMLAnchorElement {
	return opensInNewTab(h('a', { ...attributes, href: new URL(url, origin).href }, text));
}
