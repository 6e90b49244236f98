import { describe, expect, test } from 'vitest'
import { isConfigError } from '../../../src/core/errors/guards.ts'
import {
  advanceStream,
  backoffDelayMs,
  initialStreamStatus,
  isFinalState,
  reconnectDelayMs,
  resolveReconnectOptions,
  type StreamSignal,
  type StreamStatus,
} from '../../../src/transports/streamable-http/reconnect.ts'

const options = resolveReconnectOptions({
  initialDelayMs: 100,
  maxDelayMs: 1000,
  maxRetries: 3,
  backoffFactor: 2,
})

function run(signals: readonly StreamSignal[], from: StreamStatus = initialStreamStatus()) {
  return signals.reduce((status, signal) => advanceStream(status, signal, options), from)
}

describe('backoffDelayMs', () => {
  test('grows by the factor and stops at the cap', () => {
    const top = () => 1 // no jitter reduction: the full delay
    expect([0, 1, 2, 3, 4, 10].map((attempt) => backoffDelayMs(attempt, options, top))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ])
  })

  test('jitter keeps every delay within [half, full]', () => {
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const full = Math.min(100 * 2 ** attempt, 1000)
      expect(backoffDelayMs(attempt, options, () => 0)).toBe(full / 2)
      const random = backoffDelayMs(attempt, options)
      expect(random).toBeGreaterThanOrEqual(full / 2)
      expect(random).toBeLessThanOrEqual(full)
    }
  })
})

describe('reconnectDelayMs', () => {
  test('without a server retry it is the backoff for the attempt', () => {
    const status = run([{ type: 'opened' }, { type: 'ended' }])
    expect(reconnectDelayMs(status, options, () => 1)).toBe(100)
  })

  test("the server's retry is honoured exactly on the first reconnection", () => {
    const status = run([{ type: 'opened' }, { type: 'retry', retryMs: 500 }, { type: 'ended' }])
    expect(reconnectDelayMs(status, options, () => 0)).toBe(500)
    expect(reconnectDelayMs(status, options, () => 1)).toBe(500)
  })

  test('after a failed reconnection the retry is a floor under the growing backoff', () => {
    const retried = run([
      { type: 'retry', retryMs: 150 },
      { type: 'ended' },
      { type: 'reconnect' },
      { type: 'failed' },
      { type: 'reconnect' },
      { type: 'failed' },
    ])
    expect(retried.attempt).toBe(2)
    expect(reconnectDelayMs(retried, options, () => 0)).toBe(200) // max(150, 400 × 0.5)
    expect(reconnectDelayMs({ ...retried, retryMs: 900 }, options, () => 1)).toBe(900)
  })

  test('never exceeds what a timer can wait', () => {
    const status: StreamStatus = { ...initialStreamStatus(), retryMs: 2 ** 40 }
    expect(reconnectDelayMs(status, options)).toBe(2_147_483_647)
  })
})

describe('advanceStream', () => {
  test('graceful close and network failure are told apart', () => {
    expect(run([{ type: 'opened' }]).state).toBe('open')
    expect(run([{ type: 'opened' }, { type: 'ended' }]).state).toBe('server-closed')
    expect(run([{ type: 'failed' }]).state).toBe('network-failed')
    expect(run([{ type: 'unauthorized' }]).state).toBe('auth-failed')
    expect(run([{ type: 'rejected' }]).state).toBe('rejected')
    expect(run([{ type: 'opened' }, { type: 'close' }]).state).toBe('closed')
  })

  test('every reconnection without a message spends the budget, graceful or not', () => {
    // The official SDK resets its counter on every graceful close and so reconnects forever
    // (typescript-sdk #2682); here a server that accepts and closes at once exhausts the budget.
    let status = initialStreamStatus()
    const states: string[] = []
    for (let i = 0; i < 10 && !isFinalState(status.state); i += 1) {
      status = run(
        [{ type: 'opened' }, { type: 'event', id: `p${i}`, message: false }, { type: 'ended' }],
        status,
      )
      states.push(status.state)
      status = advanceStream(status, { type: 'reconnect' }, options)
    }
    expect(states).toEqual(['server-closed', 'server-closed', 'server-closed', 'exhausted'])
    expect(status).toMatchObject({ state: 'exhausted', attempt: 3, lastEventId: 'p3' })
  })

  test('a delivered message refills the budget', () => {
    let status = initialStreamStatus()
    for (let i = 0; i < 20; i += 1) {
      status = run(
        [
          { type: 'opened' },
          { type: 'event', id: `m${i}`, message: true },
          { type: 'ended' },
          { type: 'reconnect' },
        ],
        status,
      )
    }
    expect(status).toMatchObject({ state: 'connecting', attempt: 1, lastEventId: 'm19' })
  })

  test('maxRetries 0 disables reconnection', () => {
    const none = resolveReconnectOptions({ maxRetries: 0 })
    expect(advanceStream(initialStreamStatus(), { type: 'ended' }, none).state).toBe('exhausted')
  })

  test('final states absorb every later signal', () => {
    for (const final of [
      { type: 'unauthorized' },
      { type: 'rejected' },
      { type: 'close' },
    ] as const) {
      const status = run([final])
      expect(
        run(
          [{ type: 'opened' }, { type: 'reconnect' }, { type: 'event', id: 'x', message: true }],
          status,
        ),
      ).toBe(status)
    }
  })

  test('reconnect applies only to a dropped stream', () => {
    const open = run([{ type: 'opened' }])
    expect(advanceStream(open, { type: 'reconnect' }, options)).toBe(open)
  })

  test('event ids: kept when absent, reset by an empty id', () => {
    const status = run([
      { type: 'event', id: 'a', message: false },
      { type: 'event', id: undefined, message: true },
    ])
    expect(status.lastEventId).toBe('a')
    expect(run([{ type: 'event', id: '', message: false }], status).lastEventId).toBeUndefined()
  })
})

describe('resolveReconnectOptions', () => {
  test('fills defaults', () => {
    expect(resolveReconnectOptions()).toEqual({
      initialDelayMs: 1000,
      maxDelayMs: 30_000,
      maxRetries: 5,
      backoffFactor: 2,
    })
  })

  test('refuses bad values, naming the option', () => {
    for (const input of [
      { maxRetries: -1 },
      { maxRetries: 1.5 },
      { initialDelayMs: 10, maxDelayMs: 5 },
    ]) {
      let error: unknown
      try {
        resolveReconnectOptions(input)
      } catch (caught) {
        error = caught
      }
      expect(isConfigError(error)).toBe(true)
      expect((error as Error).message).toMatch(/reconnect\.(maxRetries|maxDelayMs)/)
    }
  })
})
