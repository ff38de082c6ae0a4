// Edit distance for typo tolerance (optimal string alignment: a swapped pair of letters costs 1,
// so "frist" is one edit from "first"). Bounded: gives up early once `max` is exceeded. Runs on
// every word of every turn, so it reuses three row buffers instead of allocating.
const SIZE = 64;
let rowA = new Int32Array(SIZE + 1);
let rowB = new Int32Array(SIZE + 1);
let rowC = new Int32Array(SIZE + 1);

export function editDistance(a: string, b: string, max = 2): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (m > SIZE) return a === b ? 0 : max + 1;
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[m];
  rowA = prev2;
  rowB = prev;
  rowC = cur;
  return d;
}

/** How many edits a word of this length may carry and still count as the same word. */
export function allowedEdits(word: string): number {
  if (word.length >= 8) return 2;
  if (word.length >= 5) return 1;
  return 0;
}
