const svgNs = 'http://www.w3.org/2000/svg';

/** A 24×24 line icon from one path, hidden from screen readers (its button is named by its text or label). */
export function lineIcon(path: string): SVGSVGElement {
	const svg = document.createElementNS(svgNs, 'svg');
	svg.setAttribute('viewBox', '0 0 24 24');
	svg.setAttribute('aria-hidden', 'true');
	svg.setAttribute('focusable', 'false');
	const line = document.createElementNS(svgNs, 'path');
	line.setAttribute('d', path);
	svg.appendChild(line);
	return svg;
}
