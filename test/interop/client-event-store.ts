// An in-memory event store for the official SDKs' Streamable HTTP server transports (v1 and v2 share
// the interface), so their legacy SSE streams can be resumed with GET + Last-Event-ID. Event ids
// are `<streamId>::<sequence>`, per stream, as SPEC §4.4 recommends.

interface StoredEvent {
  readonly id: string
  readonly streamId: string
  readonly message: unknown
}

/** The subset of the SDKs' `EventStore` the transports call. */
export class MemoryEventStore {
  readonly #events: StoredEvent[] = []
  #sequence = 0

  async storeEvent(streamId: string, message: unknown): Promise<string> {
    this.#sequence += 1
    const id = `${streamId}::${String(this.#sequence).padStart(8, '0')}`
    this.#events.push({ id, streamId, message })
    return id
  }

  async getStreamIdForEventId(eventId: string): Promise<string | undefined> {
    return this.#events.find((event) => event.id === eventId)?.streamId
  }

  async replayEventsAfter(
    lastEventId: string,
    { send }: { send: (eventId: string, message: never) => Promise<void> },
  ): Promise<string> {
    const index = this.#events.findIndex((event) => event.id === lastEventId)
    const last = this.#events[index]
    if (last === undefined) return ''
    for (const event of this.#events.slice(index + 1)) {
      if (event.streamId === last.streamId) await send(event.id, event.message as never)
    }
    return last.streamId
  }
}
