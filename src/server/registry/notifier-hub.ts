/**
 * Fans server-wide notifications out to the transports' notifiers. List changes made together
 * (several tools registered in one go) reach clients as one notification per list.
 */
import type { ServerLogMessage } from './log-message.ts'

/** The lists that announce changes. */
export type ListKind = 'tools' | 'resources' | 'prompts'

/**
 * Server-wide notifications not tied to one request. Transports implement it (HTTP: legacy GET
 * streams and modern listen streams; stdio: the process) and attach it to the registry.
 */
export interface ServerNotifier {
  /** The `kind` list changed: send `notifications/<kind>/list_changed` to interested clients. */
  listChanged(kind: ListKind): void
  /** The resource changed: send `notifications/resources/updated` to its subscribers. */
  resourceUpdated(uri: string): void
  /** Send `notifications/message` to every legacy session whose log level lets it through. */
  log(message: ServerLogMessage): void
}

/** Options of {@link NotifierHub}. */
export interface NotifierHubOptions {
  /** Whether the server announces changes of `kind` (its `listChanged` capability). */
  readonly announces: (kind: ListKind) => boolean
  /** Whether the server declares the `logging` capability (without it, nothing is logged). */
  readonly logs: () => boolean
  /** Receives errors thrown by notifiers; a failing notifier never affects the others. */
  readonly onError: (error: unknown) => void
}

/** The attached notifiers, with list changes coalesced per microtask. */
export class NotifierHub {
  readonly #notifiers = new Set<{ readonly notifier: ServerNotifier }>()
  readonly #pending = new Set<ListKind>()
  readonly #options: NotifierHubOptions
  #scheduled = false

  constructor(options: NotifierHubOptions) {
    this.#options = options
  }

  /** Adds a notifier; returns its detach function. */
  attach(notifier: ServerNotifier): () => void {
    // One entry per attach, so attaching the same notifier twice is two attachments.
    const entry = { notifier }
    this.#notifiers.add(entry)
    return () => {
      this.#notifiers.delete(entry)
    }
  }

  /** Announces a change of `kind` (once per microtask, and only when someone listens). */
  listChanged(kind: ListKind): void {
    if (this.#notifiers.size === 0 || !this.#options.announces(kind)) return
    this.#pending.add(kind)
    if (this.#scheduled) return
    this.#scheduled = true
    queueMicrotask(() => this.#flush())
  }

  /** Announces that the resource at `uri` changed. */
  resourceUpdated(uri: string): void {
    for (const { notifier } of this.#notifiers) this.#call(() => notifier.resourceUpdated(uri))
  }

  /** Sends a server-wide log message (when the server declares logging). */
  log(message: ServerLogMessage): void {
    if (this.#notifiers.size === 0 || !this.#options.logs()) return
    for (const { notifier } of this.#notifiers) this.#call(() => notifier.log(message))
  }

  #flush(): void {
    this.#scheduled = false
    const kinds = [...this.#pending]
    this.#pending.clear()
    for (const kind of kinds) {
      for (const { notifier } of this.#notifiers) this.#call(() => notifier.listChanged(kind))
    }
  }

  #call(deliver: () => void): void {
    try {
      deliver()
    } catch (error) {
      this.#options.onError(error)
    }
  }
}
