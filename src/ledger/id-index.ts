/**
 * Customer ids to dense integer indices (0, 1, 2... in order of first appearance): an open-addressing
 * hash table over typed arrays (FNV-1a on the UTF-16 code units, linear probing). A `Map<string,
 * number>` costs about twice as much for a million fresh ids: each insert hashes a new string into the
 * engine's table and the table rehashes its entries as it grows; here the slots are one Int32Array
 * and the growth re-places stored hashes without touching the strings.
 *
 * @internal
 */
export class IdIndex {
  /** The ids, by index. */
  readonly names: string[] = [];
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(1024);
  private mask = 1023;

  /** The index of `id`, adding it when it is new. */
  indexOf(id: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < id.length; i += 1) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    const names = this.names;
    const hashes = this.hashes;
    const slots = this.slots;
    const mask = this.mask;
    let j = h & mask;
    for (;;) {
      const v = slots[j]!;
      if (v === 0) break;
      // compare the stored hash first: a string comparison only for a likely match
      if (hashes[v - 1] === h && names[v - 1] === id) return v - 1;
      j = (j + 1) & mask;
    }
    const c = names.length;
    names.push(id);
    if (c >= this.hashes.length) {
      const hashes = new Int32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[c] = h;
    slots[j] = c + 1;
    if (2 * (c + 1) > slots.length) this.grow();
    return c;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    const n = this.names.length;
    for (let c = 0; c < n; c += 1) {
      let j = this.hashes[c]! & mask;
      while (slots[j] !== 0) j = (j + 1) & mask;
      slots[j] = c + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
