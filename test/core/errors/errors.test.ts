import { describe, expect, test } from 'vitest'
import { optionError } from '../../../src/core/errors/config-error.ts'
import {
  AbortError,
  ConfigError,
  ErrorCode,
  HttpError,
  InterceptorError,
  isAbortError,
  isConfigError,
  isHttpError,
  isInterceptorError,
  isMcpkitError,
  isProtocolError,
  isSessionError,
  isStoreError,
  isTimeoutError,
  isTransportError,
  JsonRpcErrorCode,
  McpkitError,
  ProtocolError,
  SessionError,
  StoreError,
  TimeoutError,
  TransportError,
} from '../../../src/core/errors/index.ts'
import { abortReasonError, toMcpkitError } from '../../../src/core/errors/to-mcpkit-error.ts'
import { connectionClosedError } from '../../../src/core/errors/transport-error.ts'

const samples = {
  TransportError: new TransportError('socket closed', { code: ErrorCode.ConnectionClosed }),
  HttpError: new HttpError({ status: 503, url: 'http://x/mcp', method: 'POST', body: { a: 1 } }),
  TimeoutError: new TimeoutError({ operation: 'tools/call', timeoutMs: 50 }),
  AbortError: new AbortError({ operation: 'tools/call', reason: 'user left' }),
  SessionError: new SessionError({
    code: ErrorCode.SessionNotFound,
    message: 'gone',
    sessionId: 's1',
  }),
  StoreError: new StoreError({ store: 'redis', operation: 'get', unavailable: true }),
  InterceptorError: new InterceptorError({ interceptor: 'auth', message: 'denied', blocked: true }),
  ConfigError: new ConfigError({ option: 'server.maxClients', value: -1, message: 'bad' }),
} as const

const guards = {
  TransportError: isTransportError,
  HttpError: isHttpError,
  TimeoutError: isTimeoutError,
  AbortError: isAbortError,
  SessionError: isSessionError,
  StoreError: isStoreError,
  InterceptorError: isInterceptorError,
  ConfigError: isConfigError,
} as const

describe('the McpkitError family', () => {
  test.each(Object.entries(samples))(
    '%s is an McpkitError with a literal name and string code',
    (name, error) => {
      expect(error).toBeInstanceOf(McpkitError)
      expect(error).toBeInstanceOf(Error)
      expect(error.name).toBe(name)
      expect(typeof error.code).toBe('string')
      expect(isMcpkitError(error)).toBe(true)
      expect(isProtocolError(error)).toBe(false)
    },
  )

  test.each(Object.keys(guards))('is%s accepts only its own class', (name) => {
    for (const [other, error] of Object.entries(samples)) {
      expect(guards[name as keyof typeof guards](error)).toBe(other === name)
    }
  })

  test('guards recognise an error from another copy of the package (same brand, other class)', () => {
    // A second copy defines its own classes; only Symbol.for('mcpkit.error') and the name are shared.
    class ForeignTimeoutError extends Error {
      override readonly name = 'TimeoutError'
      get [Symbol.for('mcpkit.error')]() {
        return true
      }
    }
    const foreign = new ForeignTimeoutError('x')
    expect(foreign).not.toBeInstanceOf(TimeoutError)
    expect(isTimeoutError(foreign)).toBe(true)
    expect(isMcpkitError(foreign)).toBe(true)
    expect(isHttpError(foreign)).toBe(false)
  })

  test('guards refuse look-alikes without the brand and non-objects', () => {
    const lookalike = Object.assign(new Error('x'), { name: 'TimeoutError' })
    for (const value of [lookalike, null, undefined, 'TimeoutError', 42, {}]) {
      expect(isTimeoutError(value)).toBe(false)
      expect(isMcpkitError(value)).toBe(false)
    }
  })

  test('cause is kept', () => {
    const root = new Error('ECONNRESET')
    expect(new TransportError('send failed', { cause: root }).cause).toBe(root)
    expect(new StoreError({ store: 'redis', operation: 'set', cause: root }).cause).toBe(root)
  })

  test('codes follow the situation', () => {
    expect(samples.TransportError.code).toBe('CONNECTION_CLOSED')
    expect(new TransportError('x').code).toBe('TRANSPORT')
    expect(samples.StoreError.code).toBe('STORE_UNAVAILABLE')
    expect(new StoreError({ store: 'memory', operation: 'get' }).code).toBe('STORE')
    expect(samples.InterceptorError.code).toBe('INTERCEPTOR_BLOCKED')
    expect(samples.ConfigError.code).toBe('CONFIG_INVALID')
    expect(samples.AbortError.code).toBe('ABORTED')
  })

  test('HttpError holds the parsed body and status, never a stream', () => {
    const error = samples.HttpError
    expect(error.status).toBe(503)
    expect(error.body).toEqual({ a: 1 })
    expect(error.message).toBe('HTTP 503 from POST http://x/mcp')
    expect(JSON.parse(JSON.stringify({ body: error.body }))).toEqual({ body: { a: 1 } })
  })

  test('messages say what happened', () => {
    expect(samples.TimeoutError.message).toBe('tools/call timed out after 50 ms')
    const total = new TimeoutError({ operation: 'tools/call', timeoutMs: 900, kind: 'total' })
    expect(total.message).toBe('tools/call timed out after its maximum total time of 900 ms')
    expect(samples.AbortError.message).toBe('tools/call was aborted: user left')
    expect(samples.SessionError.sessionId).toBe('s1')
    expect(samples.InterceptorError.message).toBe('interceptor auth: denied')
  })
})

describe('ProtocolError', () => {
  test('is separate from the local family and carries numeric codes', () => {
    const error = ProtocolError.methodNotFound('ping')
    expect(error.code).toBe(-32601)
    expect(isProtocolError(error)).toBe(true)
    expect(isMcpkitError(error)).toBe(false)
    expect(error).not.toBeInstanceOf(McpkitError)
  })

  test('round-trips through the wire form', () => {
    const sent = new ProtocolError(JsonRpcErrorCode.UnsupportedProtocolVersion, 'Unsupported', {
      data: { supported: ['2026-07-28'], requested: '1999-01-01' },
    })
    const wire = JSON.parse(JSON.stringify(sent.toJsonRpc()))
    expect(wire).toEqual({
      code: -32022,
      message: 'Unsupported',
      data: { supported: ['2026-07-28'], requested: '1999-01-01' },
    })
    const received = ProtocolError.fromJsonRpc(wire)
    expect(received.code).toBe(-32022)
    expect(received.data).toEqual(wire.data)
    expect(ProtocolError.parseError().toJsonRpc()).toEqual({ code: -32700, message: 'Parse error' })
  })

  test('the MCP codes are the spec values', () => {
    expect(JsonRpcErrorCode).toMatchObject({
      ParseError: -32700,
      InvalidRequest: -32600,
      MethodNotFound: -32601,
      InvalidParams: -32602,
      InternalError: -32603,
      ResourceNotFound: -32002,
      HeaderMismatch: -32020,
      MissingRequiredClientCapability: -32021,
      UnsupportedProtocolVersion: -32022,
      UrlElicitationRequired: -32042,
    })
  })
})

describe('toMcpkitError', () => {
  test('passes mcpkit and protocol errors through', () => {
    expect(toMcpkitError(samples.HttpError)).toBe(samples.HttpError)
    const protocol = ProtocolError.internal()
    expect(toMcpkitError(protocol)).toBe(protocol)
  })

  test('maps abort and timeout reasons', () => {
    const controller = new AbortController()
    controller.abort()
    const aborted = toMcpkitError(controller.signal.reason, 'fetch')
    expect(isAbortError(aborted)).toBe(true)
    expect(
      isTimeoutError(
        toMcpkitError(AbortSignal.timeout(0).reason ?? new DOMException('t', 'TimeoutError')),
      ),
    ).toBe(true)
  })

  test('maps fetch network failures to TransportError and the rest to UNKNOWN', () => {
    const network = toMcpkitError(new TypeError('fetch failed'), 'POST /mcp')
    expect(isTransportError(network)).toBe(true)
    expect(network.message).toBe('POST /mcp failed: fetch failed')
    const other = toMcpkitError('boom')
    expect(isMcpkitError(other)).toBe(true)
    expect((other as McpkitError).code).toBe('UNKNOWN')
    expect(other.cause).toBe('boom')
  })
})

describe('internal error helpers', () => {
  test('connectionClosedError sets a cause only when there is one', () => {
    const orderly = connectionClosedError('Connection closed')
    expect(orderly.code).toBe(ErrorCode.ConnectionClosed)
    expect('cause' in orderly).toBe(false)
    const failed = connectionClosedError('Connection closed', 'gone')
    expect(failed.cause).toBe('gone')
  })

  test('optionError names the option, the expectation and the value', () => {
    const error = optionError('maxMessageBytes', -1, 'a positive integer')
    expect(isConfigError(error)).toBe(true)
    expect(error.message).toBe('The `maxMessageBytes` option must be a positive integer, got -1')
    expect(error.option).toBe('maxMessageBytes')
    expect(error.value).toBe(-1)
  })

  test('abortReasonError keeps mcpkit errors, maps timeouts, wraps the rest', () => {
    expect(abortReasonError(samples.TransportError, 'op')).toBe(samples.TransportError)
    const timeout = abortReasonError(new DOMException('t', 'TimeoutError'), 'op')
    expect(isTimeoutError(timeout)).toBe(true)
    const aborted = abortReasonError('user left', 'op')
    expect(isAbortError(aborted)).toBe(true)
    expect((aborted as AbortError).reason).toBe('user left')
  })

  test('errors keep their own properties in declaration order', () => {
    const error = new HttpError({ status: 503, url: 'http://x/mcp', method: 'POST', body: 'busy' })
    expect(Object.keys(error)).toEqual([
      'name',
      'code',
      'status',
      'statusText',
      'url',
      'method',
      'body',
      'headers',
    ])
  })
})
