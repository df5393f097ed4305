/**
 * A growable open-addressing hash table from pairs of doubles to dense ids (0, 1, 2, ... in order of
 * first insertion), hashing the IEEE bits. Used to find the distinct (x, y) nodes and the distinct
 * (node, node) patterns of a summary in O(n) without string keys or sorting (both cost far more
 * than the likelihood itself on a million customers). Keys are compared as doubles, so callers
 * normalise −0 to 0 first.
 */
const f64 = /* @__PURE__ */ new Float64Array(1);
const u32 = /* @__PURE__ */ new Uint32Array(f64.buffer);

function hashPair(a: number, b: number): number {
  f64[0] = a;
  let h = Math.imul(u32[0]! ^ 0x9e3779b9, 0x85ebca6b) ^ u32[1]!;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  f64[0] = b;
  h ^= u32[0]!;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  h ^= u32[1]!;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  return h ^ (h >>> 15);
}

export class PairTable {
  private mask: number;
  private slots: Int32Array;
  /** Keys in id order. */
  keyA: Float64Array;
  keyB: Float64Array;
  size = 0;

  constructor(expected = 16) {
    let cap = 16;
    while (cap < 2 * expected) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap).fill(-1);
    this.keyA = new Float64Array(Math.max(8, expected));
    this.keyB = new Float64Array(Math.max(8, expected));
  }

  /** The id of (a, b), inserting it if new. */
  id(a: number, b: number): number {
    let i = hashPair(a, b) & this.mask;
    const slots = this.slots;
    for (;;) {
      const at = slots[i]!;
      if (at < 0) break;
      if (this.keyA[at] === a && this.keyB[at] === b) return at;
      i = (i + 1) & this.mask;
    }
    const id = this.size;
    if (id === this.keyA.length) {
      const na = new Float64Array(2 * id);
      na.set(this.keyA);
      this.keyA = na;
      const nb = new Float64Array(2 * id);
      nb.set(this.keyB);
      this.keyB = nb;
    }
    this.keyA[id] = a;
    this.keyB[id] = b;
    slots[i] = id;
    this.size = id + 1;
    if (2 * this.size > this.mask + 1) this.grow();
    return id;
  }

  private grow(): void {
    const cap = 2 * (this.mask + 1);
    this.mask = cap - 1;
    const slots = new Int32Array(cap).fill(-1);
    for (let id = 0; id < this.size; id += 1) {
      let i = hashPair(this.keyA[id]!, this.keyB[id]!) & this.mask;
      while (slots[i]! >= 0) i = (i + 1) & this.mask;
      slots[i] = id;
    }
    this.slots = slots;
  }
}
