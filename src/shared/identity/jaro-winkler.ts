/**
 * Jaro-Winkler similarity (Winkler 1990, the measure record-linkage work uses for personal names):
 * 1 for equal strings, 0 for strings with nothing in common; a shared prefix of up to 4 characters
 * counts extra, since clerks' typos fall less often at the start of a word.
 *
 * Our own 30 lines rather than a package: the npm ones are unmaintained for years (jaro-winkler
 * 0.2.8, untyped), deprecated (string-similarity), or whole NLP toolkits (natural) for one function.
 */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  const jaro = jaroSimilarity(a, b);
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  return jaro + prefix * prefixScale * (1 - jaro);
}

/** Jaro similarity: characters that match within half the longer length, less half the transpositions. */
export function jaroSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i += 1) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j += 1) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches += 1;
      break;
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  for (let i = 0, j = 0; i < a.length; i += 1) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j += 1;
    if (a[i] !== b[j]) halfTranspositions += 1;
    j += 1;
  }
  const m = matches;
  return (m / a.length + m / b.length + (m - halfTranspositions / 2) / m) / 3;
}
