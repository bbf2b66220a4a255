/**
 * Ecoindex (GreenIT / ecoindex.fr): a 0–100 score from a page's DOM size, request
 * count and transferred kilobytes, compared with quantiles of the HTTP Archive.
 * Same constants and formula as the reference implementation (ecoindex_python).
 */
const DOM_QUANTILES = [
  0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801, 2479, 594601,
];
const REQUEST_QUANTILES = [0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920];
const SIZE_QUANTILES = [
  0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27, 1876.08, 2142.06, 2465.37,
  2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26,
];
const GRADES: ReadonlyArray<readonly [string, number]> = [
  ["A", 80],
  ["B", 70],
  ["C", 55],
  ["D", 40],
  ["E", 25],
  ["F", 10],
  ["G", 0],
];

function quantile(quantiles: number[], value: number): number {
  for (let i = 1; i < quantiles.length; i++) {
    const upper = quantiles[i] as number;
    const lower = quantiles[i - 1] as number;
    if (value < upper) return i - 1 + (value - lower) / (upper - lower);
  }
  return quantiles.length - 1;
}

export function ecoindexScore(domNodes: number, requests: number, sizeKb: number): number {
  const weighted =
    3 * quantile(DOM_QUANTILES, domNodes) +
    2 * quantile(REQUEST_QUANTILES, requests) +
    quantile(SIZE_QUANTILES, sizeKb);
  return Math.round((100 - (5 * weighted) / 6) * 10) / 10;
}

export function ecoindexGrade(score: number): string {
  return GRADES.find(([, threshold]) => score > threshold)?.[0] ?? "G";
}
