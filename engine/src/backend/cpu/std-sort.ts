// libstdc++'s std::sort, std::nth_element and std::partial_sort, step for step. PyTorch's CPU
// sort (stable=False) and topk call these, so the order they leave equal keys in is theirs;
// replaying the same moves is the only way to print the same indices for ties.
// Operates on an array of positions compared through `less`; knows nothing about tensors.

type Less = (a: number, b: number) => boolean;

const THRESHOLD = 16;
const lg = (n: number): number => 31 - Math.clz32(n);

function swap(v: number[], i: number, j: number): void {
  const t = v[i] as number;
  v[i] = v[j] as number;
  v[j] = t;
}

function moveMedianToFirst(
  v: number[],
  r: number,
  a: number,
  b: number,
  c: number,
  less: Less,
): void {
  const A = v[a] as number;
  const B = v[b] as number;
  const C = v[c] as number;
  if (less(A, B)) {
    if (less(B, C)) swap(v, r, b);
    else if (less(A, C)) swap(v, r, c);
    else swap(v, r, a);
  } else if (less(A, C)) swap(v, r, a);
  else if (less(B, C)) swap(v, r, c);
  else swap(v, r, b);
}

function unguardedPartition(
  v: number[],
  first: number,
  last: number,
  pivot: number,
  less: Less,
): number {
  let f = first;
  let l = last;
  for (;;) {
    while (less(v[f] as number, v[pivot] as number)) f++;
    l--;
    while (less(v[pivot] as number, v[l] as number)) l--;
    if (!(f < l)) return f;
    swap(v, f, l);
    f++;
  }
}

function partitionPivot(v: number[], first: number, last: number, less: Less): number {
  const mid = first + Math.floor((last - first) / 2);
  moveMedianToFirst(v, first, first + 1, mid, last - 1, less);
  return unguardedPartition(v, first + 1, last, first, less);
}

function unguardedLinearInsert(v: number[], last: number, less: Less): void {
  const val = v[last] as number;
  let l = last;
  let next = l - 1;
  while (less(val, v[next] as number)) {
    v[l] = v[next] as number;
    l = next;
    next--;
  }
  v[l] = val;
}

function insertionSort(v: number[], first: number, last: number, less: Less): void {
  if (first === last) return;
  for (let i = first + 1; i < last; i++) {
    if (less(v[i] as number, v[first] as number)) {
      const val = v[i] as number;
      for (let k = i; k > first; k--) v[k] = v[k - 1] as number;
      v[first] = val;
    } else unguardedLinearInsert(v, i, less);
  }
}

function finalInsertionSort(v: number[], first: number, last: number, less: Less): void {
  if (last - first > THRESHOLD) {
    insertionSort(v, first, first + THRESHOLD, less);
    for (let i = first + THRESHOLD; i < last; i++) unguardedLinearInsert(v, i, less);
  } else insertionSort(v, first, last, less);
}

function pushHeap(
  v: number[],
  first: number,
  hole: number,
  top: number,
  value: number,
  less: Less,
): void {
  let h = hole;
  let parent = Math.floor((h - 1) / 2);
  while (h > top && less(v[first + parent] as number, value)) {
    v[first + h] = v[first + parent] as number;
    h = parent;
    parent = Math.floor((h - 1) / 2);
  }
  v[first + h] = value;
}

function adjustHeap(
  v: number[],
  first: number,
  hole: number,
  len: number,
  value: number,
  less: Less,
): void {
  const top = hole;
  let h = hole;
  let child = hole;
  while (child < Math.floor((len - 1) / 2)) {
    child = 2 * (child + 1);
    if (less(v[first + child] as number, v[first + child - 1] as number)) child--;
    v[first + h] = v[first + child] as number;
    h = child;
  }
  if ((len & 1) === 0 && child === Math.floor((len - 2) / 2)) {
    child = 2 * (child + 1);
    v[first + h] = v[first + child - 1] as number;
    h = child - 1;
  }
  pushHeap(v, first, h, top, value, less);
}

function makeHeap(v: number[], first: number, last: number, less: Less): void {
  const len = last - first;
  if (len < 2) return;
  for (let parent = Math.floor((len - 2) / 2); ; parent--) {
    adjustHeap(v, first, parent, len, v[first + parent] as number, less);
    if (parent === 0) return;
  }
}

function popHeap(v: number[], first: number, last: number, result: number, less: Less): void {
  const value = v[result] as number;
  v[result] = v[first] as number;
  adjustHeap(v, first, 0, last - first, value, less);
}

function heapSelect(v: number[], first: number, middle: number, last: number, less: Less): void {
  makeHeap(v, first, middle, less);
  for (let i = middle; i < last; i++)
    if (less(v[i] as number, v[first] as number)) popHeap(v, first, middle, i, less);
}

function sortHeap(v: number[], first: number, last: number, less: Less): void {
  for (let l = last; l - first > 1; ) {
    l--;
    popHeap(v, first, l, l, less);
  }
}

/** std::partial_sort(first, middle, last). */
export function partialSort(
  v: number[],
  first: number,
  middle: number,
  last: number,
  less: Less,
): void {
  heapSelect(v, first, middle, last, less);
  sortHeap(v, first, middle, less);
}

function introsortLoop(v: number[], first: number, last: number, depth: number, less: Less): void {
  let l = last;
  let d = depth;
  while (l - first > THRESHOLD) {
    if (d === 0) {
      partialSort(v, first, l, l, less);
      return;
    }
    d--;
    const cut = partitionPivot(v, first, l, less);
    introsortLoop(v, cut, l, d, less);
    l = cut;
  }
}

/** std::sort(first, last): introsort, then a final insertion sort. Not stable. */
export function stdSort(v: number[], first: number, last: number, less: Less): void {
  if (first === last) return;
  introsortLoop(v, first, last, lg(last - first) * 2, less);
  finalInsertionSort(v, first, last, less);
}

/** std::nth_element(first, nth, last): introselect. */
export function nthElement(
  v: number[],
  first: number,
  nth: number,
  last: number,
  less: Less,
): void {
  if (first === last || nth === last) return;
  let f = first;
  let l = last;
  let depth = lg(last - first) * 2;
  while (l - f > 3) {
    if (depth === 0) {
      heapSelect(v, f, nth + 1, l, less);
      swap(v, f, nth);
      return;
    }
    depth--;
    const cut = partitionPivot(v, f, l, less);
    if (cut <= nth) f = cut;
    else l = cut;
  }
  insertionSort(v, f, l, less);
}
