import { describe, expect, it } from 'vitest';
import { contrastRatio, findContrastFailures } from '../../src/brand/contrast';

const passing = {
	background: '#ffffff',
	surface: '#ffffff',
	text: '#111111',
	muted: '#555555',
	primary: '#1e5b47',
	onPrimary: '#ffffff',
	border: '#dddddd',
};

describe('contrastRatio', () => {
	it('computes the WCAG extremes and a known pair', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
		// #767676 on white is the classic just-passing AA grey (4.54:1).
		expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
	});
});

describe('findContrastFailures', () => {
	it('accepts a theme whose pairs all reach AA', () => {
		expect(findContrastFailures('light', passing)).toEqual([]);
	});

	it('names the failing pair and its ratio', () => {
		const failures = findContrastFailures('dark', { ...passing, primary: '#9fd8c0' });
		expect(failures).toContainEqual(
			expect.objectContaining({ theme: 'dark', foreground: 'primary', background: 'background', minimum: 4.5 }),
		);
		expect(failures.find((f) => f.foreground === 'onPrimary')?.ratio).toBeLessThan(4.5);
	});
});
