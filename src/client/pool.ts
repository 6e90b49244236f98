/**
 * A pool of clients to one server (the seed's connection pool, DESIGN.md open question 1: it is
 * independent of the server's `SessionManager`). It caps how many connections are open, keeps a
 * bounded number idle for reuse, closes idle ones after `idleTimeoutMs`, and makes callers wait
 * (at most `acquireTimeoutMs`) when every connection is busy.
 */
import {
  type PoolConfig,
  type PoolConfigInput,
  resolvePoolConfig,
} from '../core/config/pool-config.ts'
import { defaultEnvironment, type Environment } from '../core/environment.ts'
import { AbortError } from '../core/errors/abort-error.ts'
import { optionError } from '../core/errors/config-error.ts'
import { TimeoutError } from '../core/errors/timeout-error.ts'
import { type ReadonlySubscribable, Subscribable } from '../core/events/subscribable.ts'
import type { McpClient } from './client-api.ts'

/** Options of {@link createClientPool}. */
export interface ClientPoolOptions extends PoolConfigInput {
  /** Creates one client to the server, e.g. `() => createClient({ url })`. */
  readonly create: () => McpClient
  /** Clock and timers. @default defaultEnvironment */
  readonly environment?: Environment | undefined
}

/** A client lent by the pool. Release it exactly once. */
export interface PooledClient {
  readonly client: McpClient
  /** Gives the client back; `discard` closes it instead (e.g. after a transport failure). */
  release(options?: { readonly discard?: boolean }): void
}

/** What the pool reports. */
export type PoolEvent =
  | { readonly type: 'pool:created'; readonly open: number }
  | {
      readonly type: 'pool:evicted'
      readonly reason: 'idle-timeout' | 'max-idle' | 'discarded' | 'closed'
    }
  | { readonly type: 'pool:waiting'; readonly waiting: number }

/** Counts of the pool's connections. */
export interface PoolStats {
  readonly open: number
  readonly idle: number
  readonly busy: number
  readonly waiting: number
}

/** A pool of clients to one server. */
export interface ClientPool {
  /** Lends a client: an idle one, a new one under `maxConnections`, or the next one released. */
  acquire(options?: { readonly signal?: AbortSignal }): Promise<PooledClient>
  /**
   * Runs `work` with a lent client and releases it afterwards.
   *
   * @example
   * const tools = await pool.use((client) => client.listAllTools())
   */
  use<TResult>(
    work: (client: McpClient) => Promise<TResult>,
    options?: { readonly signal?: AbortSignal },
  ): Promise<TResult>
  readonly stats: PoolStats
  readonly events: ReadonlySubscribable<PoolEvent>
  /** Closes every connection and fails every waiting `acquire`. */
  close(): Promise<void>
}

/**
 * Creates a pool.
 *
 * @example
 * const pool = createClientPool({ create: () => createClient({ url }), maxConnections: 4 })
 * const result = await pool.use((client) => client.callTool({ name: 'echo', arguments: { text: 'hi' } }))
 */
export function createClientPool(options: ClientPoolOptions): ClientPool {
  if (typeof options.create !== 'function')
    throw optionError('create', options.create, 'a function')
  const { create, environment, ...config } = options
  return new Pool({
    create,
    environment: environment ?? defaultEnvironment,
    config: resolvePoolConfig(config),
  })
}

interface Idle {
  readonly client: McpClient
  readonly timer: unknown
}

/** A caller waiting in `acquire`. Either settles it once, after releasing its timer and signal. */
interface Waiter {
  grant(lease: PooledClient): void
  fail(error: unknown): void
}

class Pool implements ClientPool {
  readonly events = new Subscribable<PoolEvent>()
  readonly #create: () => McpClient
  readonly #environment: Environment
  readonly #config: PoolConfig
  readonly #idle: Idle[] = []
  readonly #waiters: Waiter[] = []
  #open = 0
  #closed = false

  constructor(init: { create: () => McpClient; environment: Environment; config: PoolConfig }) {
    this.#create = init.create
    this.#environment = init.environment
    this.#config = init.config
  }

  get stats(): PoolStats {
    const idle = this.#idle.length
    return { open: this.#open, idle, busy: this.#open - idle, waiting: this.#waiters.length }
  }

  acquire(options: { readonly signal?: AbortSignal } = {}): Promise<PooledClient> {
    if (this.#closed) return Promise.reject(closedError())
    const { signal } = options
    if (signal?.aborted) return Promise.reject(acquireAborted(signal.reason))
    const idle = this.#idle.pop()
    if (idle !== undefined) {
      this.#environment.clearTimeout(idle.timer)
      return Promise.resolve(this.#lease(idle.client))
    }
    if (this.#open < this.#config.maxConnections) {
      // A throwing `create` fails this acquire only, as a rejection like every other failure.
      try {
        return Promise.resolve(this.#lease(this.#newClient()))
      } catch (error) {
        return Promise.reject(error)
      }
    }
    return this.#wait(signal)
  }

  async use<TResult>(
    work: (client: McpClient) => Promise<TResult>,
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<TResult> {
    const lease = await this.acquire(options)
    try {
      return await work(lease.client)
    } finally {
      lease.release()
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    for (const waiter of this.#waiters.splice(0)) waiter.fail(closedError())
    const idle = this.#idle.splice(0)
    for (const entry of idle) this.#environment.clearTimeout(entry.timer)
    await Promise.all(idle.map((entry) => this.#discard(entry.client, 'closed')))
  }

  #newClient(): McpClient {
    const client = this.#create()
    this.#open += 1
    this.events.emit({ type: 'pool:created', open: this.#open })
    return client
  }

  #lease(client: McpClient): PooledClient {
    let released = false
    return {
      client,
      release: (options = {}) => {
        if (released) return
        released = true
        this.#release(client, options.discard === true)
      },
    }
  }

  #release(client: McpClient, discard: boolean): void {
    if (discard || this.#closed) {
      void this.#discard(client, this.#closed ? 'closed' : 'discarded')
      this.#serveWaiterWithNew()
      return
    }
    const waiter = this.#waiters.shift()
    if (waiter !== undefined) {
      waiter.grant(this.#lease(client))
      return
    }
    if (this.#idle.length >= this.#config.maxIdle) {
      void this.#discard(client, 'max-idle')
      return
    }
    const timer = this.#environment.setTimeout(
      () => this.#expire(client),
      this.#config.idleTimeoutMs,
    )
    this.#idle.push({ client, timer })
  }

  #expire(client: McpClient): void {
    const index = this.#idle.findIndex((entry) => entry.client === client)
    if (index === -1) return
    this.#idle.splice(index, 1)
    void this.#discard(client, 'idle-timeout')
  }

  async #discard(
    client: McpClient,
    reason: 'idle-timeout' | 'max-idle' | 'discarded' | 'closed',
  ): Promise<void> {
    this.#open -= 1
    this.events.emit({ type: 'pool:evicted', reason })
    await client.close().catch(() => {})
  }

  #serveWaiterWithNew(): void {
    if (this.#closed || this.#open >= this.#config.maxConnections) return
    const waiter = this.#waiters.shift()
    if (waiter === undefined) return
    // Called from `release`: a throwing `create` fails the waiter, not the caller releasing.
    let client: McpClient
    try {
      client = this.#newClient()
    } catch (error) {
      waiter.fail(error)
      return
    }
    waiter.grant(this.#lease(client))
  }

  #wait(signal: AbortSignal | undefined): Promise<PooledClient> {
    return new Promise((resolve, reject) => {
      const { acquireTimeoutMs } = this.#config
      const settled = () => {
        this.#environment.clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
      }
      const waiter: Waiter = {
        grant: (lease) => {
          settled()
          resolve(lease)
        },
        fail: (error) => {
          settled()
          reject(error)
        },
      }
      // Timing out or aborting leaves the queue; a waiter already served is not failed again.
      const leave = (error: unknown) => {
        const index = this.#waiters.indexOf(waiter)
        if (index === -1) return
        this.#waiters.splice(index, 1)
        waiter.fail(error)
      }
      const timer = this.#environment.setTimeout(
        () => leave(new TimeoutError({ operation: OPERATION, timeoutMs: acquireTimeoutMs })),
        acquireTimeoutMs,
      )
      const onAbort = () => leave(acquireAborted(signal?.reason))
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#waiters.push(waiter)
      this.events.emit({ type: 'pool:waiting', waiting: this.#waiters.length })
    })
  }
}

const OPERATION = 'pool acquire'

function acquireAborted(reason: unknown): AbortError {
  return new AbortError({ operation: OPERATION, reason })
}

function closedError(): AbortError {
  return acquireAborted('the pool is closed')
}
