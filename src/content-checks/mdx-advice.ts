/** What an editor reads about MDX that does not compile: what is wrong and how to fix it. */
export interface MdxAdvice {
	message: string;
	fix: string;
}

const voidElements = new Set(['br', 'hr', 'img', 'input', 'wbr', 'source', 'track']);

/** The text at the failure, up to the end of its line and at most a few words, to quote it to the editor. */
function quoteAt(text: string): string {
	const line = text.split('\n', 1)[0] ?? '';
	const words = line.split(/(?<=\S)\s+/).slice(0, 3).join(' ').replace(/[.,;:!?]+$/, '');
	return words.length > 40 ? `${words.slice(0, 40)}…` : words;
}

function unclosed(name: string): MdxAdvice {
	if (voidElements.has(name)) {
		return { message: `<${name}> is not closed.`, fix: `Write <${name} /> with a slash: in MDX every tag is closed.` };
	}
	return { message: `<${name}> is not closed.`, fix: `Add </${name}> where its content ends, or write <${name} /> if it has no content.` };
}

function strayLessThan(quoted: string): MdxAdvice {
	const rest = quoted.slice(1);
	if (/^https?:/.test(rest)) {
		const address = rest.replace(/>.*$/, '');
		return {
			message: `A "<" starts a tag in MDX, so <${address}> is not a link.`,
			fix: `Write the link as [its text](${address}), or the address alone without "<" and ">".`,
		};
	}
	const plain = /^\d/.test(rest) ? `"less than ${rest}" or ` : '';
	return {
		message: `A "<" starts a tag in MDX, and "${quoted}" is not one.`,
		fix: `Write ${plain}"\\${quoted}": a backslash before "<" makes it plain text.`,
	};
}

/**
 * Says in an editor's words why MDX does not compile, from the compiler's reason and the text at the place it names
 * (`textAt`, from that place to the end of the body).
 */
export function adviseOnMdxFailure(reason: string, textAt: string): MdxAdvice {
	const unclosedName = /^Expected a closing tag for `<([^>\s]*)>`/.exec(reason)?.[1];
	if (unclosedName !== undefined) return unclosed(unclosedName);
	const misordered = /^Unexpected closing tag `<\/([^>]*)>`, expected corresponding closing tag for `<([^>\s]*)>`/.exec(reason);
	if (misordered) {
		const [, closing, open] = misordered;
		return {
			message: `</${closing}> closes a component that is not open here: <${open}> is still open.`,
			fix: `Close <${open}> with </${open}> first: tags close in the reverse order they open.`,
		};
	}
	const orphan = /^Unexpected closing tag `<\/([^>]*)>`/.exec(reason)?.[1];
	if (orphan !== undefined) {
		return { message: `</${orphan}> closes nothing: no <${orphan}> is open here.`, fix: `Remove it, or add <${orphan}> where its content starts.` };
	}
	if (reason.includes('to create a comment in MDX') || textAt.startsWith('<!--')) {
		return { message: 'HTML comments are not allowed in MDX.', fix: 'Use {/* … */} instead of <!-- … -->, or remove it.' };
	}
	if (/^<(?![A-Za-z])|^<https?:/.test(textAt)) return strayLessThan(quoteAt(textAt));
	if (reason.includes('closing brace for `{`')) {
		return {
			message: 'A "{" starts an expression in MDX, and this one is never closed.',
			fix: 'Write "\\{" for a brace in the text, or close the expression with "}".',
		};
	}
	if (reason.startsWith('Could not parse expression')) {
		return {
			message: `"${quoteAt(textAt)}" is read as code in MDX and is not valid code.`,
			fix: 'Write "\\{" for a brace in the text; write a note for editors as {/* … */}.',
		};
	}
	return {
		message: `This is not valid MDX: ${reason}.`,
		fix: 'Check the tags and braces here against content/README.md; write "\\<" or "\\{" for a plain "<" or "{".',
	};
}
