import { escapeHtml } from '../connectors/text';

/**
 * An e-mail's HTML alternative: a small document with its language declared (screen readers pick the right voice)
 * around `bodyHtml`, which the caller built from escaped text only.
 */
export function emailDocument(locale: string, subject: string, bodyHtml: string): string {
	return `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head><body>${bodyHtml}</body></html>`;
}
