import { locale } from 'virtual:help-center-widget/panel';
import { contactLimits, questionMaxLength } from '../../../functions/contract/form-rules';
import type { AnswerResponse } from '../../../functions/contract/responses';
import { postJson } from '../../components/self-service/client/api';
import { h } from '../../components/self-service/client/dom';
import { failureMessage } from '../../components/self-service/client/form-kit';
import { formatLongDay } from '../../i18n/format-date';
import { apiUrl, type PanelContext } from './context';
import { PanelForm, textField } from './fields';
import { externalLink } from './links';
import { t } from './strings';

type Block = HTMLParagraphElement | HTMLUListElement | HTMLOListElement;

/**
 * A passage as its article wrote it, in text nodes only: paragraphs, and lines starting with "- " (or "1. ") as
 * list items. Lines of one paragraph are joined.
 */
export function passageBlocks(text: string): Block[] {
	const blocks: Block[] = [];
	let current: Block | undefined;
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		const bullet = /^[-•*]\s+(.*)$/.exec(line);
		const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
		if (!line) current = undefined;
		else if (bullet || numbered) {
			const tag = bullet ? 'ul' : 'ol';
			if (current?.tagName.toLowerCase() !== tag) blocks.push((current = h(tag)));
			current.appendChild(h('li', {}, (bullet ?? numbered)?.[1] ?? ''));
		} else if (current instanceof HTMLParagraphElement) current.appendChild(document.createTextNode(` ${line}`));
		else blocks.push((current = h('p', {}, line)));
	}
	return blocks;
}

/** "Still need help?" and the way to the contact form, under every answer. */
function stillNeedHelp(context: PanelContext): HTMLParagraphElement {
	const button = h('button', { type: 'button', class: 'link-button' }, t('widget.contactButton'));
	button.addEventListener('click', () => context.showTab('contact'));
	return h('p', { class: 'still' }, `${t('widget.answer.stillNeedHelp')} `, button);
}

/** What the panel shows for an answer of `POST /api/answer`, and what it says in the live region. */
export function renderAnswer(answer: AnswerResponse, context: PanelContext): { content: HTMLElement; summary: string } {
	const link = (url: string, text: string) => externalLink(context.origin, url, text);
	if (answer.kind === 'answer') {
		const [source] = answer.sources;
		const title = answer.heading ?? source?.title ?? '';
		const sources =
			answer.sources.length > 1
				? h('ul', { class: 'sources' }, ...answer.sources.map((each) => h('li', {}, link(each.url, each.title))))
				: source && link(source.url, source.title);
		const content = h(
			'article',
			{ class: 'answer', 'aria-labelledby': 'hc-answer-heading' },
			h('h3', { id: 'hc-answer-heading' }, title),
			...passageBlocks(answer.text),
			h('p', { class: 'source' }, `${t('widget.answer.source')} `, sources),
			h('p', { class: 'meta' }, `${t('widget.answer.updated')} `, h('time', { datetime: answer.updated }, formatLongDay(locale, answer.updated) ?? answer.updated)),
		);
		return { content: h('div', {}, content, stillNeedHelp(context)), summary: t('widget.answer.found', { title }) };
	}
	if (answer.kind === 'self-service') {
		const here =
			answer.action === 'track' || answer.action === 'contact'
				? h('button', { type: 'button', class: 'button' }, t(answer.action === 'track' ? 'widget.answer.trackHere' : 'widget.answer.contactHere'))
				: null;
		here?.addEventListener('click', () => context.showTab(answer.action === 'track' ? 'track' : 'contact'));
		const content = h('div', { class: 'answer' }, h('p', {}, t('widget.answer.selfService')), h('p', { class: 'page-link' }, link(answer.url, answer.title)), here);
		return { content, summary: `${t('widget.answer.selfService')} ${answer.title}` };
	}
	const content = h(
		'div',
		{ class: 'answer' },
		h('p', {}, t('widget.answer.none')),
		answer.related.length > 0 && h('p', {}, t('widget.answer.related')),
		answer.related.length > 0 && h('ul', { class: 'related' }, ...answer.related.map((page) => h('li', {}, link(page.url, page.title)))),
	);
	return { content: h('div', {}, content, stillNeedHelp(context)), summary: t('widget.answer.none') };
}

/** The "Ask" view: a question in the shopper's words, answered by the help center's answer engine. */
export function askView(context: PanelContext): HTMLElement {
	const form = h(
		'form',
		{ class: 'ask' },
		textField({
			id: 'hc-question',
			name: 'question',
			label: t('widget.ask.label'),
			hint: t('widget.ask.hint'),
			autocomplete: 'off',
			maxlength: questionMaxLength,
			errorRequired: t('widget.ask.required'),
		}),
		h('button', { type: 'submit', class: 'button' }, t('widget.ask.submit')),
	);
	const result = h('div', { class: 'result' });
	const ui = new PanelForm(form, context.announce);
	ui.onSubmit(async () => {
		const question = (form.elements.namedItem('question') as HTMLInputElement).value.trim();
		if (!ui.start(t('widget.ask.searching'))) return;
		const response = await postJson<AnswerResponse>(apiUrl(context.origin, 'answer'), { question, locale });
		ui.finish();
		if (!response.ok) {
			result.replaceChildren(h('p', { class: 'form-error' }, failureMessage(response.failure, t)));
			context.announce(failureMessage(response.failure, t));
			return;
		}
		// The ticket takes at most 100 characters per search (contactLimits.searchLength), and no half of a character.
		const searched = question.slice(0, contactLimits.searchLength).replace(/[\uD800-\uDBFF]$/, '').trim();
		if (!context.questions.includes(searched)) context.questions.push(searched);
		context.questions.splice(0, Math.max(0, context.questions.length - contactLimits.searches));
		const { content, summary } = renderAnswer(response.data, context);
		result.replaceChildren(content);
		context.announce(summary);
	});
	return h('div', {}, form, result);
}
