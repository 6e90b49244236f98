/**
 * Graceful shutdown (`close()`): long-lived streams end at once (listen streams with a `complete`
 * result, legacy GET streams with a `retry` hint); requests in flight get until the deadline, then
 * are aborted and answered with an error; then every connection, timer and subscription is released.
 */
import type { LegacyContext } from '../legacy/legacy-context.ts'
import type { StreamKind } from './server-events.ts'

const LONG_LIVED: ReadonlySet<StreamKind> = new Set(['listen', 'get'])

/** What {@link shutdown} needs. */
export interface ShutdownInput {
  readonly context: LegacyContext
  /** How long in-flight requests may still run. */
  readonly deadlineMs: number
  /** Releases the transport's own timers and subscriptions. */
  readonly release: () => void
  /** Resources the server created and must close (bus, session manager, event tracker). */
  readonly owned: readonly { close?(): unknown }[]
}

/**
 * Runs the shutdown sequence once all new requests are already refused.
 *
 * @example
 * this.#closing ??= shutdown({ context, deadlineMs, release, owned })
 */
export async function shutdown(input: ShutdownInput): Promise<void> {
  const { context } = input
  context.streams.shutdownAll(LONG_LIVED)
  await idleOrDeadline(context, input.deadlineMs)
  const reason = new Error('The server is shutting down')
  context.inFlight.terminateAll(reason)
  const live = context.live.all()
  for (const session of live) session.existingRequests?.rejectAll(reason)
  // Legacy streams write through the event tracker: let the last answers reach their connections.
  await Promise.allSettled(live.flatMap((session) => session.streams().map((s) => s.settled())))
  context.streams.shutdownAll()
  context.inFlight.close()
  context.live.close()
  context.fanout.close()
  input.release()
  for (const resource of input.owned) {
    try {
      await resource.close?.()
    } catch (error) {
      if (context.events.hasListeners) context.events.emit({ type: 'error', phase: 'close', error })
    }
  }
}

async function idleOrDeadline(context: LegacyContext, deadlineMs: number): Promise<void> {
  if (context.inFlight.size === 0) return
  let timer: unknown
  const deadline = new Promise<void>((resolve) => {
    timer = context.environment.setTimeout(resolve, deadlineMs)
  })
  await Promise.race([context.inFlight.whenIdle(), deadline])
  context.environment.clearTimeout(timer)
}
