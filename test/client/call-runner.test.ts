import { describe, expect, test } from 'vitest'
import { CallRunner } from '../../src/client/call-runner.ts'
import type { ClientEvent } from '../../src/client/client-events.ts'
import type { Wire } from '../../src/client/wire.ts'
import { resolveClientConfig } from '../../src/core/config/client-config.ts'
import { defaultEnvironment } from '../../src/core/environment.ts'

function runnerWith(request: Wire['request']) {
  const events: ClientEvent[] = []
  const runner = new CallRunner({
    config: resolveClientConfig(),
    environment: defaultEnvironment,
    handlers: {},
    cache: undefined,
    closing: new AbortController().signal,
    emit: (event) => events.push(event),
    observed: () => true,
    logLevel: () => undefined,
  })
  const wire = { era: 'legacy', protocolVersion: '2025-11-25', request } as unknown as Wire
  return { events, run: () => runner.run({ wire, method: 'tools/list', options: {} }) }
}

const settled = (events: readonly ClientEvent[]) =>
  events.filter((event) => event.type === 'request:settled')

describe('request:settled', () => {
  test('a call answered with a valid result settles as "result"', async () => {
    const { events, run } = runnerWith(async () => ({ tools: [] }))
    await expect(run()).resolves.toEqual({ tools: [] })
    expect(settled(events)).toEqual([
      expect.objectContaining({ method: 'tools/list', era: 'legacy', outcome: 'result' }),
    ])
  })

  test('a call that rejects with undefined still settles as a failure', async () => {
    const { events, run } = runnerWith(() => Promise.reject(undefined))
    await expect(run()).rejects.toBeUndefined()
    expect(settled(events)).toEqual([
      expect.objectContaining({ method: 'tools/list', outcome: 'failed', error: undefined }),
    ])
  })
})
