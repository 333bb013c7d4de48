import { foldedWords } from '../../../src/search/query/words.ts';

/** Why a ticket is left out of the simulation: its first message asks nothing an answer could help with. */
export type ExclusionReason = 'empty' | 'thanks' | 'auto-reply' | 'spam';

/** What each reason means, in the report. */
export const exclusionReasons: Record<ExclusionReason, string> = {
	empty: 'no subject and no message',
	thanks: 'only thanks or an acknowledgement ("thanks!", "ok, received"), no question',
	'auto-reply': 'an automatic message: out of office, delivery failure, no-reply sender',
	spam: 'spam-like: tagged spam, or selling links, SEO, crypto…',
};

// Subjects of automatic messages (tried on the subject without "Re:"), and sentences of their bodies.
const autoSubject =
	/^(?:auto(?:matic)?[\s-]?(?:reply|response)|autoreply|out of (?:the )?office|ooo\b|absence|r[ée]ponse automatique|absent(?:e)? du bureau|message d'absence|undeliverable|undelivered mail|delivery status notification|mail delivery (?:failed|failure|subsystem)|returned mail|non remis|[ée]chec de (?:la )?remise)/i;
const autoBody =
	/(?:\b(?:i am|i'm|i’m) (?:currently )?(?:out of (?:the )?office|away from (?:the|my) (?:office|desk)|on (?:annual |parental |sick )?leave)|this is an automa(?:ted|tic) (?:message|reply|response|e-?mail)|please do not reply to this (?:e-?mail|message)|je suis (?:actuellement )?absente?\b|ceci est (?:un message|une r[ée]ponse) automatique|merci de ne pas r[ée]pondre [àa] ce)/i;

// Tags helpdesks and their rules put on spam, and what spam sells.
const spamTag = /^(?:spam|junk|phishing)$/i;
const spamWords =
	/\b(?:seo|backlinks?|link[\s-]?building|guest[\s-]?posts?|first page of google|page 1 (?:of|on) google|domain authority|crypto(?:currency)?|bitcoin|forex|casino|betting|payday loans?|web ?design services|app development services|lead generation|increase your (?:traffic|sales|revenue)|r[ée]f[ée]rencement naturel|premi[èe]re page de google|netlinking)\b/i;
const link = /https?:\/\/|www\./gi;

// Words that thank or acknowledge, and words that go with them, after their accents are folded.
const acknowledgements = new Set(
	'thanks thank thx ty ok okay great perfect awesome brilliant lovely amazing cool super noted received sorted cheers appreciated appreciate merci parfait top genial nickel daccord recu recue entendu'.split(' '),
);
const around = new Set(
	(
		'you so much very lot many again k fine good got it all regards best kind wishes have a nice day weekend evening and for your help quick reply response that this is was much will do sounds ' +
		'beaucoup bien accord tres bonne journee soiree fin semaine cordialement bisous c est note ca marche vous pour votre aide reponse rapide encore'
	).split(' '),
);

/**
 * Whether a message only thanks or acknowledges: no question mark, at least one word that thanks or acknowledges,
 * and at most one word (a name) besides the words that go with them.
 */
export function isOnlyThanks(text: string): boolean {
	if (text.includes('?')) return false;
	const words = foldedWords(text.replace(/['’]/g, ' '));
	if (!words.some((word) => acknowledgements.has(word))) return false;
	return words.filter((word) => !acknowledgements.has(word) && !around.has(word)).length <= 1;
}

/** The subject without the "Re:", "Fwd:", "TR:" a reply or a forward puts before it. */
export function bareSubject(subject: string): string {
	return subject.replace(/^(?:\s*(?:re|fwd?|tr|aw|wg)\s*(?:\[\d+\])?\s*:\s*)+/i, '').trim();
}

/**
 * Why a ticket is not worth simulating, or undefined when its first message asks something. A message that only
 * thanks is judged on the message alone: its subject is most often the shop's e-mail it answers ("Re: Your order
 * has shipped").
 */
export function exclusionOf(ticket: { subject: string; body: string; tags: string[] }): ExclusionReason | undefined {
	const subject = bareSubject(ticket.subject);
	const body = ticket.body.trim();
	if (!/[\p{L}\p{N}]/u.test(subject) && !/[\p{L}\p{N}]/u.test(body)) return 'empty';
	if (autoSubject.test(subject) || autoBody.test(body)) return 'auto-reply';
	const text = `${subject}\n${body}`;
	if (ticket.tags.some((tag) => spamTag.test(tag)) || spamWords.test(text) || (text.match(link)?.length ?? 0) >= 3) return 'spam';
	if (isOnlyThanks(body || subject)) return 'thanks';
	return undefined;
}
