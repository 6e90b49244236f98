import { afterEach, describe, expect, test, vi } from 'vitest'
import { JsonRpcErrorCode } from '../../../src/core/errors/codes.ts'
import { RequestStateCodec, requestBinding } from '../../../src/server/dispatch/request-state.ts'
import { protocolError } from './harness.ts'

afterEach(() => {
  vi.useRealTimers()
})

describe('RequestStateCodec', () => {
  const payload = { binding: 'tools/call t abc', answers: { k: { action: 'accept' } }, round: 1 }

  test('seals and opens', async () => {
    const codec = new RequestStateCodec({ secret: undefined, ttlMs: 60_000 })
    const state = await codec.seal(payload)
    expect(state).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    expect(await codec.open(state, payload.binding)).toEqual(payload)
  })

  test('refuses tampering, another key, another binding and expiry', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const codec = new RequestStateCodec({ secret: new Uint8Array(32).fill(7), ttlMs: 1000 })
    const state = await codec.seal(payload)
    const [body, mac] = state.split('.')
    const forged = `${btoa(JSON.stringify({ v: 1, b: payload.binding, a: {}, r: 1, e: Date.now() + 1000 })).replace(/=+$/, '')}.${mac}`
    const cases: [string, string, RegExp][] = [
      [`${state}-TAMPERED`, payload.binding, /integrity|malformed/],
      [forged, payload.binding, /integrity/],
      [`${body}`, payload.binding, /malformed/],
      [`${body}.${mac}.x`, payload.binding, /malformed/],
      [state, 'tools/call other abc', /different request/],
    ]
    for (const [value, binding, message] of cases) {
      const error = await protocolError(codec.open(value, binding))
      expect(error.code).toBe(JsonRpcErrorCode.InvalidParams)
      expect(error.message).toMatch(message)
    }
    const other = new RequestStateCodec({ secret: new Uint8Array(32).fill(8), ttlMs: 1000 })
    expect((await protocolError(other.open(state, payload.binding))).message).toMatch(/integrity/)
    vi.setSystemTime(Date.now() + 1000)
    expect((await protocolError(codec.open(state, payload.binding))).message).toMatch(/expired/)
  })

  test('a signed body that is not a state is malformed', async () => {
    const secret = 'x'.repeat(32)
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    )
    const body = btoa(JSON.stringify({ v: 2 })).replace(/=+$/, '')
    const mac = new Uint8Array(
      await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(body)),
    )
    const signature = btoa(String.fromCharCode(...mac))
      .replaceAll('+', '-')
      .replaceAll('/', '_')
      .replace(/=+$/, '')
    const codec = new RequestStateCodec({ secret, ttlMs: 1000 })
    expect((await protocolError(codec.open(`${body}.${signature}`, 'b'))).message).toMatch(
      /malformed/,
    )
  })
})

describe('requestBinding', () => {
  test('is stable under key order and differs with the arguments', async () => {
    const a = await requestBinding(['tools/call', 't', { x: 1, y: { b: 2, a: 1 } }])
    const b = await requestBinding(['tools/call', 't', { y: { a: 1, b: 2 }, x: 1 }])
    const c = await requestBinding(['tools/call', 't', { x: 2 }])
    expect(a).toBe(b)
    expect(a).not.toBe(c)
    expect(a.startsWith('tools/call t ')).toBe(true)
  })
})
