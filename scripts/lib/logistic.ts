/** A fitted logistic regression: P(y = 1) = σ(intercept + Σ weight × x). */
export interface LogisticFit {
	intercept: number;
	weights: number[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

const predict = (fit: LogisticFit, x: number[]) => sigmoid(x.reduce((sum, value, column) => sum + value * (fit.weights[column] ?? 0), fit.intercept));

/**
 * Fits a logistic regression by Newton's method, with an L2 penalty on the weights (not the intercept): with a few
 * hundred rows and a handful of features, a few exact steps converge where gradient descent would need tuning.
 */
export function fitLogistic(rows: number[][], labels: number[], penalty: number, steps = 50): LogisticFit {
	const size = (rows[0]?.length ?? 0) + 1;
	// The intercept is the last coefficient.
	const beta = new Array<number>(size).fill(0);
	const design = rows.map((row) => [...row, 1]);
	for (let step = 0; step < steps; step++) {
		const gradient = new Array<number>(size).fill(0);
		const hessian = Array.from({ length: size }, () => new Array<number>(size).fill(0));
		design.forEach((x, at) => {
			const p = sigmoid(x.reduce((sum, value, column) => sum + value * (beta[column] ?? 0), 0));
			const residual = p - (labels[at] ?? 0);
			const curvature = p * (1 - p);
			for (let i = 0; i < size; i++) {
				gradient[i] = (gradient[i] ?? 0) + residual * (x[i] ?? 0);
				const line = hessian[i] as number[];
				for (let j = 0; j < size; j++) line[j] = (line[j] ?? 0) + curvature * (x[i] ?? 0) * (x[j] ?? 0);
			}
		});
		for (let i = 0; i < size - 1; i++) {
			gradient[i] = (gradient[i] ?? 0) + penalty * (beta[i] ?? 0);
			(hessian[i] as number[])[i] = ((hessian[i] as number[])[i] ?? 0) + penalty;
		}
		const move = solve(hessian, gradient);
		let largest = 0;
		for (let i = 0; i < size; i++) {
			beta[i] = (beta[i] ?? 0) - (move[i] ?? 0);
			largest = Math.max(largest, Math.abs(move[i] ?? 0));
		}
		if (largest < 1e-9) break;
	}
	return { intercept: beta[size - 1] ?? 0, weights: beta.slice(0, size - 1) };
}

/** The mean log loss of a fit on rows. */
export function logLoss(fit: LogisticFit, rows: number[][], labels: number[]): number {
	const epsilon = 1e-12;
	return rows.reduce((sum, row, at) => {
		const p = Math.min(1 - epsilon, Math.max(epsilon, predict(fit, row)));
		return sum - ((labels[at] ?? 0) === 1 ? Math.log(p) : Math.log(1 - p));
	}, 0) / (rows.length || 1);
}

/** Solves a x = b by Gaussian elimination with partial pivoting (a is small and, with the penalty, well conditioned). */
function solve(a: number[][], b: number[]): number[] {
	const n = b.length;
	const m = a.map((line, i) => [...line, b[i] ?? 0]);
	for (let col = 0; col < n; col++) {
		let pivot = col;
		for (let row = col + 1; row < n; row++) if (Math.abs(m[row]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = row;
		[m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
		const head = m[col] as number[];
		const lead = head[col] || 1e-12;
		for (let row = col + 1; row < n; row++) {
			const line = m[row] as number[];
			const factor = (line[col] ?? 0) / lead;
			for (let k = col; k <= n; k++) line[k] = (line[k] ?? 0) - factor * (head[k] ?? 0);
		}
	}
	const x = new Array<number>(n).fill(0);
	for (let row = n - 1; row >= 0; row--) {
		const line = m[row] as number[];
		let sum = line[n] ?? 0;
		for (let k = row + 1; k < n; k++) sum -= (line[k] ?? 0) * (x[k] ?? 0);
		x[row] = sum / ((line[row] ?? 0) || 1e-12);
	}
	return x;
}
