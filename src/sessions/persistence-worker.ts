// The write-behind half of SessionManager (seed decision 3: it starts by itself). Activity only marks
// ids; one timer flushes the marks every `intervalMs` in batches, so a thousand touches of one session
// between two flushes cost one store write. Failed writes stay marked and are retried by the next
// flush, so a store that throws or goes away never loses an in-memory session.

import type { StoreError } from '../core/errors/store-error.ts'
import type { SessionRecord, SessionStore } from '../stores/session-store.ts'
import { callStore, type StoreCallContext, type StoreTask, settle } from './store-call.ts'

/** Concurrent store calls per batch: enough to pipeline a remote store without flooding it. */
const BATCH_SIZE = 64

/** A store operation the session manager performs. */
export type StoreOperation = 'get' | 'set' | 'touch' | 'delete'

/** What one flush did. */
export interface PersistStats {
  /** Records written whole with `set`. */
  readonly written: number
  /** TTLs refreshed with `touch`. */
  readonly touched: number
  /** Records deleted. */
  readonly deleted: number
  /** Operations that failed and stay queued for the next flush. */
  readonly failed: number
  /** How long the flush took (monotonic clock). */
  readonly durationMs: number
}

/** One kind of store failure, aggregated per flush. */
export interface StoreFailure {
  readonly operation: StoreOperation
  /** The first error of this kind. */
  readonly error: StoreError
  /** How many operations of this kind failed. */
  readonly failed: number
  /** The session, when a single one is concerned. */
  readonly sessionId?: string
}

/** @internal */
export interface PersistenceWorkerOptions {
  readonly store: SessionStore
  readonly call: StoreCallContext
  readonly intervalMs: number
  /** Pending deletions kept while the store is failing; the oldest are given up (their TTL ends them). */
  readonly maxPendingDeletes: number
  /** The live record of `id`, or `undefined` once it is gone from memory. */
  readonly lookup: (id: string) => SessionRecord | undefined
  readonly ttlFor: (record: SessionRecord) => number
  readonly onPersisted: (stats: PersistStats) => void
  readonly onFailure: (failure: StoreFailure) => void
}

interface Job {
  readonly id: string
  readonly operation: 'set' | 'touch' | 'delete'
  readonly record?: SessionRecord
}

/**
 * Batches session writes to a {@link SessionStore}. Its timer starts in the constructor and
 * {@link PersistenceWorker.close} flushes and stops it. Store calls run one step at a time on a
 * queue, so a deletion never overtakes a write of the same session.
 *
 * @internal
 */
export class PersistenceWorker {
  readonly #options: PersistenceWorkerOptions
  readonly #changed = new Set<string>()
  readonly #touched = new Set<string>()
  readonly #deletes = new Set<string>()
  readonly #writes = new Set<Promise<void>>()
  #tail: Promise<void> = Promise.resolve()
  #timer: unknown
  #closed = false

  constructor(options: PersistenceWorkerOptions) {
    this.#options = options
    this.#arm()
  }

  /** Operations waiting for the next flush. */
  get pending(): number {
    return this.#changed.size + this.#touched.size + this.#deletes.size
  }

  /** The record changed: write it whole at the next flush. */
  markChanged(id: string): void {
    this.#touched.delete(id)
    this.#changed.add(id)
  }

  /** The record was used: refresh its TTL at the next flush. */
  markTouched(id: string): void {
    if (!this.#changed.has(id)) this.#touched.add(id)
  }

  /** Whether `id` waits to be deleted from the store (it must not be read back meanwhile). */
  isDeleting(id: string): boolean {
    return this.#deletes.has(id)
  }

  /** Deletes `id` from the store at the next flush. */
  scheduleDelete(id: string): void {
    this.#forget(id)
    this.#deletes.add(id)
    for (const oldest of this.#deletes) {
      if (this.#deletes.size <= this.#options.maxPendingDeletes) break
      this.#deletes.delete(oldest)
    }
  }

  /** Deletes `id` from the store after the step in progress; a failure is retried by the next flush. */
  remove(id: string): Promise<void> {
    this.#forget(id)
    this.#deletes.delete(id)
    return this.#enqueue(async () => {
      try {
        await callStore('delete', () => this.#options.store.delete(id), this.#options.call)
      } catch (error) {
        this.scheduleDelete(id)
        this.#options.onFailure({
          operation: 'delete',
          error: error as StoreError,
          failed: 1,
          sessionId: id,
        })
      }
    })
  }

  /**
   * Writes `record` at once (a new session must be visible to other processes before its id is
   * handed out). A failure is reported and leaves the record for the next flush.
   */
  write(record: SessionRecord): Promise<void> {
    const write = this.#writeNow(record).finally(() => this.#writes.delete(write))
    this.#writes.add(write)
    return write
  }

  /** Writes everything marked so far; resolves when done. Never rejects. */
  flush(): Promise<void> {
    return this.#enqueue(() => this.#flushOnce())
  }

  /** Stops the timer and flushes what is left. */
  async close(): Promise<void> {
    this.#closed = true
    this.#options.call.environment.clearTimeout(this.#timer)
    this.#timer = undefined
    await Promise.all(this.#writes)
    await this.flush()
  }

  #forget(id: string): void {
    this.#changed.delete(id)
    this.#touched.delete(id)
  }

  #arm(): void {
    if (this.#closed) return
    this.#timer = this.#options.call.environment.setTimeout(() => {
      this.#timer = undefined
      void this.flush().then(() => this.#arm())
    }, this.#options.intervalMs)
  }

  /** Queues `step` after the one in progress; steps never reject. */
  #enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.#tail.then(step)
    this.#tail = next
    return next
  }

  async #writeNow(record: SessionRecord): Promise<void> {
    const { store, call, ttlFor, lookup } = this.#options
    try {
      await callStore('set', () => store.set(record.id, record, ttlFor(record)), call)
    } catch (error) {
      if (lookup(record.id) === record) this.markChanged(record.id)
      this.#options.onFailure({
        operation: 'set',
        error: error as StoreError,
        failed: 1,
        sessionId: record.id,
      })
      return
    }
    // Closed or evicted while the write was in flight: take the copy back out of the store.
    if (lookup(record.id) !== record && !this.#closed) await this.remove(record.id)
  }

  async #flushOnce(): Promise<void> {
    const jobs = this.#takeJobs()
    if (jobs.length === 0) return
    const started = this.#options.call.environment.now()
    const done = { set: 0, touch: 0, delete: 0 }
    const failures = new Map<Job['operation'], { error: StoreError; failed: number }>()
    for (let start = 0; start < jobs.length; start += BATCH_SIZE) {
      const batch = jobs.slice(start, start + BATCH_SIZE)
      const results = await settle(
        batch.map((job) => this.#task(job)),
        this.#options.call,
      )
      batch.forEach((job, index) => {
        const error = results[index]?.[0]
        if (error === undefined) {
          done[job.operation]++
          return
        }
        this.#requeue(job)
        const failure = failures.get(job.operation)
        failures.set(job.operation, {
          error: failure?.error ?? error,
          failed: (failure?.failed ?? 0) + 1,
        })
      })
    }
    let failed = 0
    for (const failure of failures.values()) failed += failure.failed
    const durationMs = this.#options.call.environment.now() - started
    this.#options.onPersisted({
      written: done.set,
      touched: done.touch,
      deleted: done.delete,
      failed,
      durationMs,
    })
    for (const [operation, failure] of failures) this.#options.onFailure({ operation, ...failure })
  }

  /** Empties the marks into jobs: deletions first, then whole writes, then TTL refreshes. */
  #takeJobs(): Job[] {
    const { lookup, store } = this.#options
    const jobs: Job[] = []
    for (const id of this.#deletes) jobs.push({ id, operation: 'delete' })
    for (const id of this.#changed) {
      const record = lookup(id)
      if (record !== undefined) jobs.push({ id, operation: 'set', record })
    }
    const refresh = store.touch === undefined ? 'set' : 'touch'
    for (const id of this.#touched) {
      const record = lookup(id)
      if (record !== undefined) jobs.push({ id, operation: refresh, record })
    }
    this.#deletes.clear()
    this.#changed.clear()
    this.#touched.clear()
    return jobs
  }

  #task(job: Job): StoreTask {
    const { store, ttlFor } = this.#options
    const { id, record } = job
    if (job.operation === 'delete' || record === undefined) {
      return { operation: 'delete', run: () => store.delete(id) }
    }
    if (job.operation === 'touch' && store.touch !== undefined) {
      const touch = store.touch.bind(store)
      return { operation: 'touch', run: () => touch(id, ttlFor(record)) }
    }
    return { operation: 'set', run: () => store.set(id, record, ttlFor(record)) }
  }

  /** Marks a failed job again, unless its session went away meanwhile. */
  #requeue(job: Job): void {
    if (job.operation === 'delete') {
      if (this.#options.lookup(job.id) === undefined) this.scheduleDelete(job.id)
      return
    }
    if (this.#options.lookup(job.id) !== job.record) return
    if (job.operation === 'set') this.markChanged(job.id)
    else this.markTouched(job.id)
  }
}
