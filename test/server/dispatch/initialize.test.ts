import { describe, expect, test } from 'vitest'
import { JsonRpcErrorCode } from '../../../src/core/errors/codes.ts'
import { schemasFor } from '../../../src/core/schemas/revisions.ts'
import { ServerRegistry } from '../../../src/server/registry/server-registry.ts'
import { LEGACY } from './harness.ts'
import { sampleServer } from './sample-server.ts'

function initParams(protocolVersion: unknown): Record<string, unknown> {
  return { protocolVersion, capabilities: {}, clientInfo: { name: 'c', version: '1' } }
}

describe('initialize', () => {
  test.each(LEGACY)('echoes the supported version %s with a valid result', (version) => {
    const { result, revision } = sampleServer().initialize(initParams(version))
    expect(revision).toBe(version)
    expect(result.protocolVersion).toBe(version)
    expect(result.instructions).toBe('Use the tools.')
    const parsed = schemasFor(revision).methods.initialize?.result?.safeParse(result)
    expect(parsed?.success).toBe(true)
  })

  test('offers the newest legacy revision for an unknown version; 2024-10-07 reads as 2024-11-05', () => {
    const server = sampleServer()
    expect(server.initialize(initParams('1999-01-01'))).toMatchObject({
      revision: '2025-11-25',
      result: { protocolVersion: '2025-11-25' },
    })
    expect(server.initialize(initParams('2026-07-28')).revision).toBe('2025-11-25')
    expect(server.initialize(initParams('2024-10-07'))).toMatchObject({
      revision: '2024-11-05',
      result: { protocolVersion: '2024-10-07' },
    })
  })

  test('serverInfo and capabilities are those of the negotiated revision', () => {
    const { result } = sampleServer().initialize(initParams('2024-11-05'))
    expect(result.serverInfo).toEqual({ name: 'sample', version: '1.2.3' })
    expect(result.capabilities).not.toHaveProperty('completions')
  })

  test('bad params are -32602', () => {
    for (const params of [
      undefined,
      {},
      initParams(5),
      { protocolVersion: '2025-06-18', capabilities: {} },
    ]) {
      expect(() => sampleServer().initialize(params)).toThrow(
        expect.objectContaining({ code: JsonRpcErrorCode.InvalidParams }),
      )
    }
  })

  test('honours supportedVersions', () => {
    const server = new ServerRegistry({
      name: 's',
      version: '1',
      supportedVersions: ['2025-03-26', '2026-07-28'],
    })
    expect(server.initialize(initParams('2025-11-25')).revision).toBe('2025-03-26')
    const modernOnly = new ServerRegistry({
      name: 's',
      version: '1',
      supportedVersions: ['2026-07-28'],
    })
    expect(() => modernOnly.initialize(initParams('2025-11-25'))).toThrow(
      expect.objectContaining({
        code: JsonRpcErrorCode.InvalidParams,
        data: { supported: ['2026-07-28'], requested: '2025-11-25' },
      }),
    )
  })
})

describe('client notifications', () => {
  test('reach onNotification; a throwing callback is reported, never thrown', () => {
    const seen: string[] = []
    const errors: unknown[] = []
    const server = new ServerRegistry({
      name: 's',
      version: '1',
      onNotification: (method) => {
        seen.push(method)
        if (method === 'notifications/roots/list_changed') throw new Error('oops')
      },
      onError: (_error, context) => errors.push(context),
    })
    const scope = {
      era: 'legacy' as const,
      revision: '2025-11-25' as const,
      signal: new AbortController().signal,
      clientCapabilities: {},
      clientInfo: undefined,
      session: undefined,
    }
    server.dispatchNotification('notifications/initialized', undefined, scope)
    server.dispatchNotification('notifications/roots/list_changed', {}, scope)
    expect(seen).toEqual(['notifications/initialized', 'notifications/roots/list_changed'])
    expect(errors).toEqual([{ phase: 'notification', method: 'notifications/roots/list_changed' }])
  })
})
