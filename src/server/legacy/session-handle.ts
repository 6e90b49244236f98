/**
 * The dispatcher's view of a legacy HTTP session: log level and resource subscriptions read from
 * the session record and written back through the `SessionManager`, which persists them. Built per
 * request and cheap: the subscription set is made only if a handler reads it.
 */
import type { SessionManager } from '../../sessions/session-manager.ts'
import type { SessionRecord } from '../../stores/session-store.ts'
import type { SessionHandle } from '../dispatch/scope.ts'

type LogLevel = SessionHandle['logLevel']

/** A `Set` that reports every change, so the session record follows it. */
class ReportingSet extends Set<string> {
  readonly #onChange: (values: readonly string[]) => void

  constructor(initial: readonly string[], onChange: (values: readonly string[]) => void) {
    super()
    // Filled through the base class: this class's `add` would report while constructing.
    for (const value of initial) super.add(value)
    this.#onChange = onChange
  }

  override add(value: string): this {
    if (this.has(value)) return this
    super.add(value)
    this.#onChange([...this])
    return this
  }

  override delete(value: string): boolean {
    const deleted = super.delete(value)
    if (deleted) this.#onChange([...this])
    return deleted
  }

  override clear(): void {
    if (this.size === 0) return
    super.clear()
    this.#onChange([])
  }
}

/**
 * A {@link SessionHandle} over a session record.
 *
 * @example
 * const session = sessionHandle(manager, record)
 * session.logLevel = 'warning' // persisted by the manager's worker
 */
export function sessionHandle(manager: SessionManager, record: SessionRecord): SessionHandle {
  let subscriptions: ReportingSet | undefined
  return {
    id: record.id,
    get logLevel(): LogLevel {
      return record.logLevel as LogLevel
    },
    set logLevel(level: LogLevel) {
      manager.update(record.id, { logLevel: level })
    },
    get subscriptions(): Set<string> {
      subscriptions ??= new ReportingSet(record.subscriptions ?? [], (values) =>
        manager.update(record.id, { subscriptions: values.length === 0 ? undefined : values }),
      )
      return subscriptions
    },
  }
}
