/**
 * Test harness for the engine: a scripted connection whose incoming frames the test pushes by hand and
 * whose outgoing messages it records, plus small promise helpers.
 */
import {
  type Connection,
  createConnection,
  type InboundFrame,
  type SendOptions,
} from '../../../src/core/connection.ts'
import type { EngineEvent } from '../../../src/core/events/engine-events.ts'
import type { JsonRpcEngine } from '../../../src/core/protocol/engine.ts'
import type { OutboundMessage } from '../../../src/core/protocol/messages.ts'

export interface ScriptedConnection {
  readonly connection: Connection
  /** Every message the engine sent, in order. */
  readonly sent: OutboundMessage[]
  /** The send options of each message in `sent`. */
  readonly sendOptions: (SendOptions | undefined)[]
  /** Pushes a raw text frame, as a byte-stream transport would. */
  text(text: string): void
  /** Pushes a parsed value, as the in-memory pair would. */
  value(value: unknown): void
  /** Pushes any frame. */
  frame(frame: InboundFrame): void
  /** Resolves once at least `count` messages were sent in total; returns the `count`-th. */
  waitForSent(count: number): Promise<OutboundMessage>
  /** Makes later sends fail with `error`. */
  failSends(error: unknown): void
}

export function scriptedConnection(): ScriptedConnection {
  const sent: OutboundMessage[] = []
  const sendOptions: (SendOptions | undefined)[] = []
  const waiters: { count: number; resolve: (message: OutboundMessage) => void }[] = []
  let failure: unknown
  const { connection, deliver } = createConnection({
    send: (message, options) => {
      if (failure !== undefined) throw failure
      sent.push(message)
      sendOptions.push(options)
      for (const waiter of [...waiters]) {
        if (sent.length >= waiter.count) {
          waiters.splice(waiters.indexOf(waiter), 1)
          waiter.resolve(sent[waiter.count - 1] as OutboundMessage)
        }
      }
    },
  })
  return {
    connection,
    sent,
    sendOptions,
    text: (text) => deliver({ type: 'text', text }),
    value: (value) => deliver({ type: 'value', value }),
    frame: deliver,
    waitForSent: (count) =>
      sent.length >= count
        ? Promise.resolve(sent[count - 1] as OutboundMessage)
        : new Promise((resolve) => waiters.push({ count, resolve })),
    failSends: (error) => {
      failure = error
    },
  }
}

/** A promise with its resolve and reject exposed. */
export interface Deferred<T> {
  readonly promise: Promise<T>
  resolve(value: T): void
  reject(error: unknown): void
}

export function deferred<T = unknown>(): Deferred<T> {
  let resolve: (value: T) => void = () => {}
  let reject: (error: unknown) => void = () => {}
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** Lets queued microtasks and stream reads run. */
export async function flush(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await Promise.resolve()
}

/** Records every event an engine emits. */
export function recordEvents(engine: JsonRpcEngine): EngineEvent[] {
  const events: EngineEvent[] = []
  engine.events.subscribe((event) => events.push(event))
  return events
}

/** The events of one type, narrowed. */
export function eventsOfType<TType extends EngineEvent['type']>(
  events: readonly EngineEvent[],
  type: TType,
): Extract<EngineEvent, { type: TType }>[] {
  return events.filter(
    (event): event is Extract<EngineEvent, { type: TType }> => event.type === type,
  )
}
