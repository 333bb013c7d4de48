import type { FeedbackReason } from '../../../functions/contract/events.ts';
import { sendEvent } from './send-event.ts';

/** Where this browser remembers the articles it voted on: one vote per article, with no cookie and no identifier. */
const storageKey = 'help-center:votes';

function votedArticles(): string[] {
	try {
		const saved: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
		return Array.isArray(saved) ? saved.filter((entry): entry is string => typeof entry === 'string') : [];
	} catch {
		return [];
	}
}

function rememberVote(article: string): void {
	try {
		localStorage.setItem(storageKey, JSON.stringify([...votedArticles().filter((entry) => entry !== article), article].slice(-200)));
	} catch {
		// Storage may be full or refused (private modes): the vote still counts, the next visit may ask again.
	}
}

/** Shows one step of the widget and hides the others; moves focus to it when it asks to be focused. */
function show(section: HTMLElement, step: string): void {
	for (const element of section.querySelectorAll<HTMLElement>('[data-feedback-step]')) element.hidden = element.dataset['feedbackStep'] !== step;
	const shown = section.querySelector<HTMLElement>(`[data-feedback-step="${step}"]`);
	const target = shown?.matches('[data-feedback-focus]') ? shown : shown?.querySelector<HTMLElement>('[data-feedback-focus]');
	target?.focus();
}

for (const section of document.querySelectorAll<HTMLElement>('[data-article-feedback]')) {
	const article = section.dataset['article'] ?? '';
	const locale = section.dataset['locale'] ?? document.documentElement.lang;
	const help = section.querySelector<HTMLElement>('[data-feedback-help]');
	section.hidden = false;
	if (votedArticles().includes(article)) show(section, 'voted');

	for (const button of section.querySelectorAll<HTMLButtonElement>('[data-helpful]')) {
		button.addEventListener('click', () => {
			const helpful = button.dataset['helpful'] === 'yes';
			sendEvent({ kind: 'vote', article, helpful, locale });
			rememberVote(article);
			show(section, helpful ? 'thanks' : 'why');
			if (help) help.hidden = helpful;
		});
	}

	const why = section.querySelector<HTMLFormElement>('form[data-feedback-step="why"]');
	why?.addEventListener('submit', (event) => {
		event.preventDefault();
		const data = new FormData(why);
		const comment = String(data.get('comment') ?? '').trim();
		const reason = (data.get('reason') as FeedbackReason | null) ?? (comment ? 'other' : undefined);
		if (reason) sendEvent({ kind: 'vote_reason', article, reason, locale, ...(comment ? { comment } : {}) });
		show(section, 'thanks-no');
	});
}
