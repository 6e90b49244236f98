import { describe, expect, test } from 'vitest'
import type { McpClient } from '../../src/client/client-api.ts'
import { createClientPool, type PoolEvent } from '../../src/client/pool.ts'
import type { Environment } from '../../src/core/environment.ts'
import { isAbortError, isTimeoutError } from '../../src/core/errors/guards.ts'

/** A fake client that only counts closes. */
function fakeClients() {
  const made: { closed: boolean; client: McpClient }[] = []
  const create = () => {
    const entry = { closed: false, client: undefined as unknown as McpClient }
    entry.client = {
      close: async () => {
        entry.closed = true
      },
    } as unknown as McpClient
    made.push(entry)
    return entry.client
  }
  return { made, create }
}

/** Timers the test fires by hand. */
function manualEnvironment() {
  let now = 0
  const timers = new Map<number, { at: number; callback: () => void }>()
  let next = 0
  const environment: Environment = {
    now: () => now,
    setTimeout: (callback, delayMs) => {
      next += 1
      timers.set(next, { at: now + delayMs, callback })
      return next
    },
    clearTimeout: (handle) => {
      timers.delete(handle as number)
    },
  }
  const advance = (ms: number) => {
    now += ms
    for (const [handle, timer] of [...timers]) {
      if (timer.at <= now) {
        timers.delete(handle)
        timer.callback()
      }
    }
  }
  return { environment, advance, pending: () => timers.size }
}

describe('client pool', () => {
  test('reuses idle clients and creates new ones up to maxConnections', async () => {
    const { made, create } = fakeClients()
    const pool = createClientPool({ create, maxConnections: 2 })
    const a = await pool.acquire()
    const b = await pool.acquire()
    expect(made).toHaveLength(2)
    expect(pool.stats).toEqual({ open: 2, idle: 0, busy: 2, waiting: 0 })
    a.release()
    const c = await pool.acquire()
    expect(c.client).toBe(a.client)
    expect(made).toHaveLength(2)
    b.release()
    c.release()
    await pool.close()
    expect(made.every((m) => m.closed)).toBe(true)
  })

  test('callers wait when every connection is busy, and get the next one released', async () => {
    const { create } = fakeClients()
    const pool = createClientPool({ create, maxConnections: 1 })
    const first = await pool.acquire()
    const waiting = pool.acquire()
    expect(pool.stats.waiting).toBe(1)
    first.release()
    const second = await waiting
    expect(second.client).toBe(first.client)
    second.release()
    await pool.close()
  })

  test('a wait longer than acquireTimeoutMs fails with a TimeoutError', async () => {
    const { environment, advance } = manualEnvironment()
    const pool = createClientPool({
      create: fakeClients().create,
      maxConnections: 1,
      acquireTimeoutMs: 100,
      environment,
    })
    await pool.acquire()
    const waiting = pool.acquire()
    advance(100)
    const error = await waiting.catch((e: unknown) => e)
    expect(isTimeoutError(error)).toBe(true)
    expect(pool.stats.waiting).toBe(0)
    await pool.close()
  })

  test('an aborted wait fails with an AbortError', async () => {
    const pool = createClientPool({ create: fakeClients().create, maxConnections: 1 })
    await pool.acquire()
    const controller = new AbortController()
    const waiting = pool.acquire({ signal: controller.signal })
    controller.abort()
    expect(isAbortError(await waiting.catch((e: unknown) => e))).toBe(true)
    await pool.close()
  })

  test('idle clients are closed after idleTimeoutMs, and beyond maxIdle at once', async () => {
    const { environment, advance } = manualEnvironment()
    const { made, create } = fakeClients()
    const pool = createClientPool({
      create,
      maxConnections: 3,
      maxIdle: 1,
      idleTimeoutMs: 1000,
      environment,
    })
    const events: PoolEvent[] = []
    pool.events.subscribe((event) => events.push(event))
    const leases = [await pool.acquire(), await pool.acquire(), await pool.acquire()]
    for (const lease of leases) lease.release()
    await Promise.resolve()
    expect(made.filter((m) => m.closed)).toHaveLength(2)
    expect(pool.stats).toMatchObject({ open: 1, idle: 1 })
    advance(999)
    expect(made.filter((m) => m.closed)).toHaveLength(2)
    advance(1)
    await Promise.resolve()
    expect(made.filter((m) => m.closed)).toHaveLength(3)
    expect(pool.stats).toMatchObject({ open: 0, idle: 0 })
    expect(
      events.filter((e) => e.type === 'pool:evicted').map((e) => (e as { reason: string }).reason),
    ).toEqual(['max-idle', 'max-idle', 'idle-timeout'])
    await pool.close()
  })

  test('a discarded client frees its slot for a waiter', async () => {
    const { made, create } = fakeClients()
    const pool = createClientPool({ create, maxConnections: 1 })
    const first = await pool.acquire()
    const waiting = pool.acquire()
    first.release({ discard: true })
    const second = await waiting
    expect(second.client).not.toBe(first.client)
    expect(made[0]?.closed).toBe(true)
    second.release()
    second.release()
    expect(pool.stats.open).toBe(1)
    await pool.close()
  })

  test('use() releases even when the work fails; close() fails waiters', async () => {
    const pool = createClientPool({ create: fakeClients().create, maxConnections: 1 })
    await expect(pool.use(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(pool.stats).toMatchObject({ busy: 0, idle: 1 })
    const lease = await pool.acquire()
    const waiting = pool.acquire()
    await pool.close()
    expect(isAbortError(await waiting.catch((e: unknown) => e))).toBe(true)
    lease.release()
    await expect(pool.acquire()).rejects.toThrow(/closed/)
  })

  test('options are validated when the pool is created', () => {
    expect(() => createClientPool({ create: fakeClients().create, maxConnections: 0 })).toThrow(
      /maxConnections/,
    )
    expect(() => createClientPool({ create: 'x' as never })).toThrow(/create/)
  })
})

describe('a create that throws', () => {
  test('rejects the acquire (never throws) and leaves no slot taken', async () => {
    const pool = createClientPool({
      create: () => {
        throw new Error('no connection today')
      },
      maxConnections: 1,
    })
    let acquired: Promise<unknown> | undefined
    expect(() => {
      acquired = pool.acquire()
    }).not.toThrow()
    await expect(acquired).rejects.toThrow('no connection today')
    expect(pool.stats).toEqual({ open: 0, idle: 0, busy: 0, waiting: 0 })
  })

  test('fails the waiter a discard would serve, not the caller releasing', async () => {
    let fail = false
    const { create } = fakeClients()
    const pool = createClientPool({
      create: () => {
        if (fail) throw new Error('create failed')
        return create()
      },
      maxConnections: 1,
    })
    const first = await pool.acquire()
    const waiting = pool.acquire()
    fail = true
    expect(() => first.release({ discard: true })).not.toThrow()
    await expect(waiting).rejects.toThrow('create failed')
    expect(pool.stats).toEqual({ open: 0, idle: 0, busy: 0, waiting: 0 })
  })
})
