/**
 * A list for registries that take one entry per request or stream and give it back soon after:
 * O(1) add and remove by the node `push` returned, iteration in insertion order, and nothing
 * allocated but the node. A `Map` or `Set` used this way rebuilds its hash table on every add that
 * follows a delete when it holds as many entries as its capacity (16 streams open, 64 in flight):
 * a table per request, referenced from a long-lived registry, so it survives young collections.
 *
 * @internal
 */

/** One entry; hand it back to {@link LinkedList.remove}. */
export interface ListNode<T> {
  readonly value: T
  /** @internal */
  prev: ListNode<T> | undefined
  /** @internal */
  next: ListNode<T> | undefined
  /** @internal */
  listed: boolean
}

/**
 * A value that is its own node, for entries that are many and long-lived (one object each, not two).
 *
 * @example
 * class Stream extends ListEntry<Stream> {
 *   constructor(readonly id: string) { super() }
 * }
 * const streams = new LinkedList<Stream>()
 * const stream = streams.pushNode(new Stream('a'))
 */
export abstract class ListEntry<T extends ListEntry<T>> implements ListNode<T> {
  /** @internal */
  prev: ListNode<T> | undefined = undefined
  /** @internal */
  next: ListNode<T> | undefined = undefined
  /** @internal */
  listed = false

  get value(): T {
    return this as unknown as T
  }
}

/**
 * The node `push` makes. A class, not an object literal: V8 tracks survival per literal site and,
 * once most objects from a site outlive a young collection, allocates every later one straight into
 * the old generation. One site serves every list, and some lists hold long-lived values (sessions,
 * idle GET streams) while others take one node per request: with a literal, the per-request nodes
 * went to the old generation too, and a dead old node's `value` kept the young request it pointed
 * to alive through every young collection until the next full one (measured: ~1.3 MB promoted per
 * scavenge under SSE load, against none with this class). Instances of a class are not pretenured.
 */
class ValueNode<T> implements ListNode<T> {
  readonly value: T
  prev: ListNode<T> | undefined = undefined
  next: ListNode<T> | undefined = undefined
  listed = false

  constructor(value: T) {
    this.value = value
  }
}

/** An insertion-ordered list of values. */
export class LinkedList<T> {
  #first: ListNode<T> | undefined = undefined
  #last: ListNode<T> | undefined = undefined
  #size = 0

  /** How many values it holds. */
  get size(): number {
    return this.#size
  }

  /** The oldest value. */
  get first(): T | undefined {
    return this.#first?.value
  }

  /** Appends `value`; the node removes it. */
  push(value: T): ListNode<T> {
    return this.pushNode(new ValueNode(value))
  }

  /**
   * Appends a node the caller made, typically a {@link ListEntry} (the value is its own node).
   *
   * @throws {TypeError} when the node is in a list already
   */
  pushNode<TNode extends ListNode<T>>(node: TNode): TNode {
    if (node.listed) throw new TypeError('The node is in a list already')
    const last = this.#last
    node.prev = last
    node.next = undefined
    node.listed = true
    if (last === undefined) this.#first = node
    else last.next = node
    this.#last = node
    this.#size++
    return node
  }

  /** Removes a node of this list; false when it was removed already. */
  remove(node: ListNode<T>): boolean {
    if (!node.listed) return false
    this.#unlinked(node)
    return true
  }

  #unlinked<TNode extends ListNode<T>>(node: TNode): TNode {
    node.listed = false
    const { prev, next } = node
    if (prev === undefined) this.#first = next
    else prev.next = next
    if (next === undefined) this.#last = prev
    else next.prev = prev
    node.prev = undefined
    node.next = undefined
    this.#size--
    return node
  }

  /** Moves a node of this list to the back (newest) without allocating; false when it was removed. */
  moveToBack(node: ListNode<T>): boolean {
    if (!node.listed) return false
    if (this.#last !== node) this.pushNode(this.#unlinked(node))
    return true
  }

  /** The nodes, oldest first, as a snapshot: removing while walking it is safe. */
  nodes(): ListNode<T>[] {
    const all: ListNode<T>[] = []
    for (let node = this.#first; node !== undefined; node = node.next) all.push(node)
    return all
  }

  /** Removes everything. */
  clear(): void {
    for (const node of this.nodes()) this.remove(node)
  }
}
