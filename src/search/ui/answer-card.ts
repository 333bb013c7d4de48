/**
 * The answer card: what `POST /api/answer` answered, as the shopper sees it. Loaded by answers.ts with the first
 * question a page asks (a chunk of its own), with its styles. Everything the API sends is put on the page as text,
 * never parsed as HTML: the passage becomes paragraphs and lists from its line breaks, and links lead only inside the
 * help center.
 */
import type { AnswerResponse } from '../../../functions/contract/responses.ts';
import { anonymizeQuery } from '../../../functions/contract/privacy.ts';
import { contactUrlWith } from '../../components/client/contact-prefill.ts';
import { formatLongDay } from '../../i18n/format-date.ts';
import { sendEvent } from '../../components/client/send-event.ts';
import styles from './answer-card.css?inline';
import type { AnswerPlace } from './answers.ts';
import { add, element, safeUrl } from './render.ts';
import type { AnswerStringKey, Translate } from './strings.ts';

export interface CardContext {
	locale: string;
	place: AnswerPlace;
	t: Translate<AnswerStringKey>;
	/** The question as the shopper wrote it (for "Write to us" and the vote). */
	question: string;
	/** A prefix for the card's ids. */
	id: string;
	/** On the contact page: puts the question in the message and focuses it (instead of a link to the contact page). */
	writeToUs?: (() => void) | undefined;
	/** Told of the shopper's "yes" or "no". */
	onVote?: (helpful: boolean) => void;
}

type Answer = Extract<AnswerResponse, { kind: 'answer' }>;

function injectStyles(): void {
	if (document.getElementById('answer-card-styles')) return;
	const style = element('style');
	style.id = 'answer-card-styles';
	style.textContent = styles;
	add(document.head, style);
}

/** The passage as paragraphs and lists: blocks are separated by a blank line, list items start with "- " or "1. ". */
export function passage(text: string): DocumentFragment {
	const fragment = document.createDocumentFragment();
	for (const block of text.split(/\n\s*\n/)) {
		let list: HTMLUListElement | HTMLOListElement | undefined;
		let paragraph: HTMLParagraphElement | undefined;
		for (const raw of block.split('\n')) {
			const line = raw.trim();
			if (!line) continue;
			const bullet = /^[-•*]\s+(.+)$/u.exec(line);
			const numbered = /^(\d{1,3})[.)]\s+(.+)$/u.exec(line);
			if (bullet || numbered) {
				const tag = bullet ? 'ul' : 'ol';
				if (list?.localName !== tag) {
					list = element(tag);
					if (numbered && numbered[1] !== '1') list.setAttribute('start', String(Number(numbered[1])));
					add(fragment, list);
				}
				add(list, element('li', undefined, bullet?.[1] ?? numbered?.[2] ?? ''));
				paragraph = undefined;
			} else {
				list = undefined;
				if (paragraph) add(paragraph, element('br'), line);
				else add(fragment, (paragraph = element('p', undefined, line)));
			}
		}
	}
	return fragment;
}

/** A string with its `{placeholder}` replaced by `node` (a link, a date), the rest as text. */
function withNode(text: string, placeholder: string, node: Node): (Node | string)[] {
	const [before = '', after = ''] = text.split(`{${placeholder}}`);
	return [before, node, after].filter((part) => part !== '');
}

function link(text: string, href: string, className?: string): HTMLAnchorElement {
	const anchor = element('a', className, text);
	anchor.href = safeUrl(href);
	return anchor;
}

/** The article page an answer comes from, as the `answer_vote` event names it: its path without the anchor. */
const articlePath = (url: string) => {
	const path = new URL(url, location.origin).pathname;
	return /^\/[a-z]{2}(?:-[A-Z]{2})?(?:\/[\p{Ll}\p{Nd}_-]+){2}$/u.test(path) ? path : undefined;
};

const markup = /<\s*[a-z!/?]/i;

/** "Still need help? Contact us": to the contact page with the question, or on the contact page, to its message. */
function contactLine(contactUrl: string, context: CardContext): HTMLParagraphElement {
	const { t } = context;
	const line = element('p', 'answer-card-contact', `${t('answer.stillNeedHelp')} `);
	if (context.writeToUs) {
		const write = link(t('answer.contactWrite'), '#contact-message');
		write.addEventListener('click', (event) => {
			event.preventDefault();
			context.writeToUs?.();
		});
		return add(line, write);
	}
	return add(line, link(t('answer.contact'), contactUrlWith(contactUrl, context.question)));
}

/** "Did this answer your question? Yes / No", and what follows each. */
function vote(response: Answer, context: CardContext, contact: HTMLElement): HTMLElement {
	const { t, id } = context;
	const group = element('div', 'answer-card-vote');
	group.setAttribute('role', 'group');
	const question = element('p', 'answer-card-question', t('answer.question'));
	question.id = `${id}-question`;
	group.setAttribute('aria-labelledby', question.id);
	const buttons = element('div', 'answer-card-buttons');
	const article = articlePath(response.sources[0]?.url ?? '');
	for (const helpful of [true, false]) {
		const button = element('button', 'button button-secondary', t(helpful ? 'answer.yes' : 'answer.no'));
		button.type = 'button';
		button.dataset['helpful'] = String(helpful);
		button.addEventListener('click', () => {
			const query = helpful ? '' : anonymizeQuery(context.question);
			if (article) sendEvent({ kind: 'answer_vote', article, helpful, locale: context.locale, ...(query && !markup.test(query) ? { query } : {}) });
			context.onVote?.(helpful);
			const after = element('p', 'answer-card-after');
			after.tabIndex = -1;
			if (helpful) {
				after.textContent = t(context.place === 'contact' ? 'answer.thanksContact' : 'answer.thanks');
			} else if (context.writeToUs) {
				after.textContent = t('answer.sorryContact');
			} else {
				add(after, ...withNode(t('answer.sorry'), 'link', link(t('answer.writeToUs'), contactUrlWith(response.contactUrl, context.question))));
			}
			// "Still need help?" says nothing more after a "no", which already leads to us.
			contact.hidden = !helpful;
			// Focus moves before the buttons go: a focused element removed would drop the focus out of the search box,
			// which closes its list.
			group.parentNode?.insertBefore(after, group);
			if (!helpful && context.writeToUs) context.writeToUs();
			else after.focus();
			group.remove();
		});
		add(buttons, button);
	}
	return add(group, question, buttons);
}

/** The card for one answer of the API. */
export function answerCard(response: AnswerResponse, context: CardContext): HTMLElement {
	injectStyles();
	const { t, place, id } = context;
	const card = element('div', 'answer-card');
	card.dataset['answerKind'] = response.kind;
	card.setAttribute('role', 'group');
	// A heading where the card is part of the page; in the search box's list, a label (the page's headings come after).
	// A question nothing answers has no "Quick answer" label: its sentence says so and names the card.
	const label = element(place === 'search' ? 'p' : 'h2', 'answer-card-label', t(place === 'contact' ? 'answer.contactLabel' : 'answer.label'));
	label.id = `${id}-label`;
	card.setAttribute('aria-labelledby', label.id);
	if (response.kind !== 'none') add(card, label);
	const contact = contactLine(response.contactUrl, context);

	switch (response.kind) {
		case 'answer': {
			const source = response.sources[0];
			if (response.heading) add(card, element(place === 'search' ? 'p' : 'h3', 'answer-card-heading', response.heading));
			add(card, add(element('div', 'answer-card-text'), passage(response.text)));
			if (source) add(card, add(element('p', 'answer-card-source'), ...withNode(t('answer.from'), 'title', link(source.title, source.url))));
			const date = formatLongDay(context.locale, response.updated);
			if (date) {
				const time = element('time', undefined, date);
				time.dateTime = response.updated;
				add(card, add(element('p', 'answer-card-date'), ...withNode(t('answer.updated'), 'date', time)));
			}
			add(card, vote(response, context, contact));
			break;
		}
		case 'self-service':
			add(card, element('p', undefined, t(`answer.selfService.${response.action}`)), add(element('p'), link(response.title, response.url, 'button')));
			break;
		case 'none': {
			// Nothing answers clearly; when articles come close, saying "nothing answers" would be wrong: they may.
			const none = element('p', 'answer-card-none', noAnswerSentence(response, place, t));
			none.id = label.id;
			add(card, none);
			// On the contact page, the suggested articles under the card are the related ones.
			if (place !== 'contact' && response.related.length > 0) {
				const related = element('ul', 'answer-card-related');
				for (const page of response.related) add(related, add(element('li'), link(page.title, page.url)));
				add(card, related);
			}
			break;
		}
	}
	return add(card, contact);
}

/** What the status announces when a card appears: the passage itself, or what the card offers. */
export function announcement(response: AnswerResponse, t: Translate<AnswerStringKey>, place: AnswerPlace = 'search'): string {
	switch (response.kind) {
		case 'answer': {
			const words = response.text.replace(/^\s*(?:[-•*]|\d{1,3}[.)])\s+/gmu, '').replace(/\s*\n\s*/g, ' ');
			return [t('answer.found', { title: response.sources[0]?.title ?? '' }), response.heading ? `${response.heading}.` : '', words].filter(Boolean).join(' ');
		}
		case 'self-service':
			return `${t(`answer.selfService.${response.action}`)} ${response.title}`;
		case 'none':
			return noAnswerSentence(response, place, t);
	}
}

/** What a card says when nothing answers clearly: that nothing does, or that the related articles may. */
function noAnswerSentence(response: Extract<AnswerResponse, { kind: 'none' }>, place: AnswerPlace, t: Translate<AnswerStringKey>): string {
	if (response.related.length === 0) return t('answer.none');
	return t(place === 'contact' ? 'answer.noShortAnswerBelow' : 'answer.noShortAnswer');
}
