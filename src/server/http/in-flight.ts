/**
 * Requests being handled: their abort signals, their deadline (`requestTimeoutMs`) and the wait
 * for them in `close()`. One timer serves every deadline: requests start in deadline order, so the
 * oldest is always the next to expire.
 */
import type { Environment } from '../../core/environment.ts'
import { LinkedList, type ListNode } from '../../core/linked-list.ts'

/** Why a request ended early, handed to {@link RequestControl.onTerminate}. */
export type TerminationReason = 'timeout' | 'shutdown'

/**
 * The lifetime of one request. Its `signal` is created only when a handler reads it, and only then
 * linked to the upstream signal (the client's disconnect, in the modern era), so the common
 * synchronous handler pays for neither.
 */
export class RequestControl {
  /** When the request's handler must have finished (environment clock). */
  readonly deadline: number
  /** Called when the server ends the request (timeout, shutdown): answer it now. */
  onTerminate: ((reason: TerminationReason) => void) | undefined = undefined
  #controller: AbortController | undefined = undefined
  #aborted = false
  #reason: unknown = undefined
  readonly #upstream: (() => AbortSignal | undefined) | undefined
  #unlink: (() => void) | undefined = undefined
  /** Its place in the {@link InFlight} list. @internal */
  node: ListNode<RequestControl> | undefined = undefined

  constructor(deadline: number, upstream?: () => AbortSignal | undefined) {
    this.deadline = deadline
    this.#upstream = upstream
  }

  /** Aborted on cancellation, timeout or shutdown. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      const controller = new AbortController()
      this.#controller = controller
      if (this.#aborted) controller.abort(this.#reason)
      else this.#link()
    }
    return this.#controller.signal
  }

  /** Whether the request was aborted. */
  get aborted(): boolean {
    return this.#aborted
  }

  /** Aborts the signal (once); later calls are ignored. */
  abort(reason: unknown): void {
    if (this.#aborted) return
    this.#aborted = true
    this.#reason = reason
    this.#unlink?.()
    this.#unlink = undefined
    this.#controller?.abort(reason)
  }

  /** Ends the request: aborts and lets its owner answer. */
  terminate(reason: TerminationReason, error: unknown): void {
    this.abort(error)
    this.onTerminate?.(reason)
  }

  /** Releases the link to the upstream signal once the request is over. */
  release(): void {
    this.#unlink?.()
    this.#unlink = undefined
  }

  #link(): void {
    const upstream = this.#upstream?.()
    if (upstream === undefined) return
    if (upstream.aborted) {
      this.abort(upstream.reason)
      return
    }
    const onAbort = () => this.abort(upstream.reason)
    upstream.addEventListener('abort', onAbort, { once: true })
    this.#unlink = () => upstream.removeEventListener('abort', onAbort)
  }
}

/** What {@link InFlight} needs. */
export interface InFlightOptions {
  readonly environment: Environment
  /** `requestTimeoutMs`. */
  readonly timeoutMs: number
}

/**
 * The set of requests being handled, as a list in start order (which is deadline order; see
 * `core/linked-list.ts` for why not a `Set`).
 *
 * @example
 * const control = inFlight.start()
 * try { await dispatch(control.signal) } finally { inFlight.end(control) }
 */
export class InFlight {
  readonly #requests = new LinkedList<RequestControl>()
  readonly #environment: Environment
  readonly #timeoutMs: number
  #timer: unknown = undefined
  #idle: (() => void)[] = []

  constructor(options: InFlightOptions) {
    this.#environment = options.environment
    this.#timeoutMs = options.timeoutMs
  }

  /** Requests being handled. */
  get size(): number {
    return this.#requests.size
  }

  /** Registers a request; `upstream` lazily gives the signal whose abort cancels it. */
  start(upstream?: () => AbortSignal | undefined): RequestControl {
    const control = new RequestControl(this.#environment.now() + this.#timeoutMs, upstream)
    control.node = this.#requests.push(control)
    if (this.#timer === undefined) this.#arm()
    return control
  }

  /** Unregisters a request (idempotent). */
  end(control: RequestControl): void {
    control.release()
    const node = control.node
    if (node === undefined || !this.#requests.remove(node) || this.#requests.size > 0) return
    const waiters = this.#idle
    this.#idle = []
    for (const resolve of waiters) resolve()
  }

  /** Resolves once no request is in flight. */
  whenIdle(): Promise<void> {
    if (this.#requests.size === 0) return Promise.resolve()
    return new Promise((resolve) => this.#idle.push(resolve))
  }

  /** Ends every request now (shutdown deadline passed). */
  terminateAll(error: unknown): void {
    for (const { value: control } of this.#requests.nodes()) {
      this.end(control)
      control.terminate('shutdown', error)
    }
  }

  /** Stops the deadline timer. */
  close(): void {
    if (this.#timer !== undefined) this.#environment.clearTimeout(this.#timer)
    this.#timer = undefined
  }

  #arm(): void {
    const oldest = this.#requests.first
    if (oldest === undefined) return
    const delay = Math.max(0, oldest.deadline - this.#environment.now())
    this.#timer = this.#environment.setTimeout(() => this.#sweep(), delay)
    unref(this.#timer)
  }

  #sweep(): void {
    this.#timer = undefined
    const now = this.#environment.now()
    for (
      let control = this.#requests.first;
      control !== undefined;
      control = this.#requests.first
    ) {
      if (control.deadline > now) break
      this.end(control)
      control.terminate('timeout', new Error(`Request timed out after ${this.#timeoutMs} ms`))
    }
    this.#arm()
  }
}

/**
 * Lets a runtime timer not keep the process alive where the runtime supports it (Node's `unref`).
 * Duck-typed, so runtimes whose timer handles are numbers are unaffected.
 */
export function unref(handle: unknown): void {
  ;(handle as { unref?: () => void } | null)?.unref?.()
}
