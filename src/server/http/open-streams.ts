/**
 * Every SSE connection the server has open: kept alive with comments while open, counted for
 * `maxClients` and `server.stats`, reported as events, and ended by `close()`.
 */
import type { ProtocolEra } from '../../core/eras/versions.ts'
import type { Subscribable } from '../../core/events/subscribable.ts'
import { LinkedList, type ListNode } from '../../core/linked-list.ts'
import type { SseStream } from '../../core/sse/writer.ts'
import type { KeepAlive, KeepAliveHandle } from './keep-alive.ts'
import type { McpServerEvent, StreamKind } from './server-events.ts'

/** How one open stream is described and ended. */
export interface StreamEntry {
  readonly kind: StreamKind
  readonly era: ProtocolEra
  readonly sessionId?: string | undefined
  /** Ends the stream at shutdown, gracefully where the protocol allows (final result, `retry`). */
  readonly shutdown: () => void
  /** Called once when the connection is gone, however it ended. */
  readonly onClosed?: (() => void) | undefined
  /** Called on every keep-alive tick while the connection is open. */
  readonly onKeepAlive?: (() => void) | undefined
}

// A class, not a literal, for the reason `ValueNode` in core/linked-list.ts gives.
class OpenStream {
  readonly sse: SseStream
  readonly entry: StreamEntry
  readonly keepAlive: KeepAliveHandle

  constructor(sse: SseStream, entry: StreamEntry, keepAlive: KeepAliveHandle) {
    this.sse = sse
    this.entry = entry
    this.keepAlive = keepAlive
  }
}

/**
 * The registry of open SSE connections.
 *
 * @example
 * openStreams.add(sse, { kind: 'listen', era: 'modern', shutdown: () => sse.close() })
 */
export class OpenStreams {
  readonly #entries = new LinkedList<OpenStream>()
  readonly #keepAlive: KeepAlive
  readonly #events: Subscribable<McpServerEvent>

  constructor(options: { keepAlive: KeepAlive; events: Subscribable<McpServerEvent> }) {
    this.#keepAlive = options.keepAlive
    this.#events = options.events
  }

  /** Connections open now. */
  get size(): number {
    return this.#entries.size
  }

  /** Registers an open connection until its stream ends. */
  add(sse: SseStream, entry: StreamEntry): void {
    if (sse.closed) {
      entry.onClosed?.()
      return
    }
    const node = this.#entries.push(new OpenStream(sse, entry, this.#keepAlive.keep(sse, entry)))
    if (this.#events.hasListeners) this.#emit('stream:opened', entry)
    sse.onEnd(() => this.#closed(node))
  }

  #closed(node: ListNode<OpenStream>): void {
    const { entry, keepAlive } = node.value
    this.#keepAlive.remove(keepAlive)
    this.#entries.remove(node)
    entry.onClosed?.()
    if (this.#events.hasListeners) this.#emit('stream:closed', entry)
  }

  /** Ends the open connections of the given kinds, or all of them (server shutdown). */
  shutdownAll(kinds?: ReadonlySet<StreamKind>): void {
    for (const { value } of this.#entries.nodes()) {
      const { sse, entry } = value
      if (kinds !== undefined && !kinds.has(entry.kind)) continue
      try {
        entry.shutdown()
      } catch {
        // A stream failing to say goodbye is still closed below.
      }
      sse.close()
    }
  }

  #emit(type: 'stream:opened' | 'stream:closed', entry: StreamEntry): void {
    const event =
      entry.sessionId === undefined
        ? { type, kind: entry.kind, era: entry.era }
        : { type, kind: entry.kind, era: entry.era, sessionId: entry.sessionId }
    this.#events.emit(event)
  }
}
