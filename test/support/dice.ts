/**
 * Seeded randomness for generated test cases: the same seed gives the same cases on every run, so
 * a failure names a case that can be replayed.
 */

/** mulberry32: a small, fast PRNG with a 32-bit state. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Choices drawn from one seeded sequence. */
export class Dice {
  readonly #next: () => number

  constructor(seed: number) {
    this.#next = seededRandom(seed)
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.#next() < p
  }

  /** An integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.#next() * max)
  }

  /** One of `items`. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T
  }
}
