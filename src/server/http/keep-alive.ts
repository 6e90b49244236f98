/**
 * SSE keep-alives: one timer for every open stream, sending a `:` comment on each tick so proxies
 * and client idle timeouts do not cut quiet streams. The timer runs while streams are open, and
 * stops at the first tick that finds none: streams that open and close within a tick (most POST
 * replies) then cost no timer of their own.
 */
import type { Environment } from '../../core/environment.ts'
import { LinkedList, type ListNode } from '../../core/linked-list.ts'
import type { SseStream } from '../../core/sse/writer.ts'
import { unref } from './in-flight.ts'

/** Who is told of each keep-alive of a stream. */
export interface KeepAliveOwner {
  readonly onKeepAlive?: (() => void) | undefined
}

/** A stream kept alive; hand it back to {@link KeepAlive.remove}. */
export type KeepAliveHandle = ListNode<KeptStream> | undefined

// A class, not a literal: see `ValueNode` in core/linked-list.ts (GET streams live long, POST
// replies do not; a shared literal site would move the short-lived ones to the old generation).
class KeptStream {
  readonly stream: SseStream
  readonly owner: KeepAliveOwner | undefined

  constructor(stream: SseStream, owner: KeepAliveOwner | undefined) {
    this.stream = stream
    this.owner = owner
  }
}

/**
 * Keeps registered streams alive until they close or are removed.
 *
 * @example
 * const stop = keepAlive.add(sse)
 * sse.signal.addEventListener('abort', stop)
 */
export class KeepAlive {
  readonly #streams = new LinkedList<KeptStream>()
  readonly #environment: Environment
  readonly #intervalMs: number
  #timer: unknown = undefined

  /** `intervalMs` of `0` turns keep-alives off. */
  constructor(options: { environment: Environment; intervalMs: number }) {
    this.#environment = options.environment
    this.#intervalMs = options.intervalMs
  }

  /** Streams being kept alive. */
  get size(): number {
    return this.#streams.size
  }

  /**
   * Starts keeping `stream` alive; returns the function that stops it. `onTick` runs on every
   * keep-alive (a legacy GET stream marks its session as in use).
   */
  add(stream: SseStream, onTick?: () => void): () => void {
    const handle = this.keep(stream, onTick === undefined ? undefined : { onKeepAlive: onTick })
    return () => this.remove(handle)
  }

  /**
   * Starts keeping `stream` alive, without a stop function: hand the handle to
   * {@link KeepAlive.remove}. `owner.onKeepAlive` runs on every tick.
   */
  keep(stream: SseStream, owner?: KeepAliveOwner): KeepAliveHandle {
    if (this.#intervalMs === 0) return undefined
    const handle = this.#streams.push(new KeptStream(stream, owner))
    if (this.#timer === undefined) this.#arm()
    return handle
  }

  /** Stops keeping a stream alive (idempotent). The timer stops at its next tick if none is left. */
  remove(handle: KeepAliveHandle): void {
    if (handle !== undefined) this.#streams.remove(handle)
  }

  /** Stops the timer and forgets every stream. */
  close(): void {
    this.#streams.clear()
    this.#disarm()
  }

  #arm(): void {
    this.#timer = this.#environment.setTimeout(() => this.#tick(), this.#intervalMs)
    unref(this.#timer)
  }

  #disarm(): void {
    if (this.#timer !== undefined) this.#environment.clearTimeout(this.#timer)
    this.#timer = undefined
  }

  #tick(): void {
    this.#timer = undefined
    for (const node of this.#streams.nodes()) {
      if (!node.listed) continue
      if (!node.value.stream.comment()) this.#streams.remove(node)
      else node.value.owner?.onKeepAlive?.()
    }
    if (this.#streams.size > 0) this.#arm()
  }
}
