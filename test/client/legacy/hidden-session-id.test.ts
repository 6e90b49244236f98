import { describe, expect, test } from 'vitest'
import { isHttpError, isProtocolError, isSessionError } from '../../../src/core/errors/guards.ts'
import {
  accepted,
  createFakeFetch,
  type FakeFetch,
  result,
  rpcError,
} from '../support/fake-fetch.ts'
import { clientOn } from '../support/harness.ts'

/**
 * A legacy server that assigns a session id but, seen from a page on another origin, does not
 * expose it: initialize answers without a readable `Mcp-Session-Id`, and every later request
 * without one gets the 400 a session server sends.
 */
function hiddenSessionServer(): FakeFetch {
  return createFakeFetch(async (request) => {
    if (request.method !== 'POST') return new Response(null, { status: 405 })
    const message = await request.json()
    if (message.method === 'initialize') {
      return result(message.id, {
        protocolVersion: '2025-11-25',
        capabilities: { tools: {} },
        serverInfo: { name: 'hidden', version: '1' },
      })
    }
    if (request.headers.get('mcp-session-id') === null) {
      const error = { code: -32000, message: 'Bad Request: the Mcp-Session-Id header is required' }
      return rpcError(null, error, 400)
    }
    return message.id === undefined ? accepted() : result(message.id, {})
  })
}

/** `fake`'s fetch with every response marked as a browser's cross-origin (CORS) response. */
function fromAnotherOrigin(fake: FakeFetch): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fake.fetch(input, init)
    Object.defineProperty(response, 'type', { value: 'cors' })
    return response
  }) as typeof fetch
}

describe('a session id the server did not expose to another origin', () => {
  test('connect fails with a SessionError that names Access-Control-Expose-Headers, without falling back', async () => {
    const fake = hiddenSessionServer()
    const client = clientOn(fake, { fetch: fromAnotherOrigin(fake), protocolVersion: '2025-11-25' })
    const error = await client.connect().then(
      () => undefined,
      (failure: unknown) => failure,
    )
    expect(isSessionError(error)).toBe(true)
    expect((error as Error).message).toMatch(/Access-Control-Expose-Headers/)
    const cause = (error as { cause?: unknown }).cause
    expect(isProtocolError(cause)).toBe(true)
    expect(isHttpError((cause as { cause?: unknown }).cause)).toBe(true)
    // initialize and notifications/initialized, and no 2024-11-05 GET fallback after them.
    expect(fake.seen.map((seen) => seen.method)).toEqual(['POST', 'POST'])
    await client.close()
  })

  test('a same-origin (or non-browser) answer without a session id keeps the plain error', async () => {
    const fake = hiddenSessionServer()
    const client = clientOn(fake, { protocolVersion: '2025-11-25' })
    const error = await client.connect().then(
      () => undefined,
      (failure: unknown) => failure,
    )
    expect(isSessionError(error)).toBe(false)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).not.toMatch(/Access-Control-Expose-Headers/)
    await client.close()
  })
})
