import { describe, expect, test } from 'vitest'
import {
  classifyMessage,
  describeInvalid,
  isJsonRpcErrorObject,
  isJsonRpcId,
  jsonRpcErrorOfBody,
} from '../../../src/core/protocol/classify.ts'
import {
  decodeFrame,
  PARSE_FAILED,
  TOO_LARGE,
  utf8ByteLength,
} from '../../../src/core/protocol/decode.ts'

describe('classifyMessage', () => {
  test.each([
    ['request', { jsonrpc: '2.0', id: 1, method: 'ping' }],
    ['request', { jsonrpc: '2.0', id: 'a', method: 'x', params: {} }],
    ['request', { jsonrpc: '2.0', id: -3, method: 'x' }],
    ['request', { jsonrpc: '2.0', id: 0, method: 'x' }],
    ['notification', { jsonrpc: '2.0', method: 'notifications/initialized' }],
    ['notification', { jsonrpc: '2.0', method: 'x', params: { a: 1 } }],
    ['result', { jsonrpc: '2.0', id: 1, result: {} }],
    ['result', { jsonrpc: '2.0', id: 1, result: null }],
    ['error', { jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'm' } }],
    ['error', { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'm', data: 1 } }],
    ['error', { jsonrpc: '2.0', error: { code: -32700, message: 'm' } }],
    ['invalid', { jsonrpc: '2.0', id: 1, method: 'x', params: null }],
    ['invalid', { jsonrpc: '2.0', id: Number.NaN, method: 'x' }],
    ['invalid', { jsonrpc: '2.0', id: Number.POSITIVE_INFINITY, result: 1 }],
    ['invalid', [{ jsonrpc: '2.0', method: 'x' }]],
    ['invalid', undefined],
  ])('%s: %j', (kind, value) => {
    expect(classifyMessage(value)).toBe(kind)
  })
})

describe('isJsonRpcId', () => {
  test('accepts strings and safe integers only', () => {
    expect([0, -1, 42, '', 'x', Number.MAX_SAFE_INTEGER].every(isJsonRpcId)).toBe(true)
    expect([null, undefined, 1.5, true, {}, [], 2 ** 53, Number.NaN].some(isJsonRpcId)).toBe(false)
  })
})

describe('jsonRpcErrorOfBody', () => {
  test('reads the error object of a body, parsed or as text', () => {
    const error = { code: -32600, message: 'Bad', data: { why: 1 } }
    expect(jsonRpcErrorOfBody({ jsonrpc: '2.0', error })).toEqual(error)
    expect(jsonRpcErrorOfBody(JSON.stringify({ jsonrpc: '2.0', id: 1, error }))).toEqual(error)
  })

  test('finds none in text that is not JSON, in results, or in malformed error objects', () => {
    for (const body of [
      'Bad Request: No valid session ID provided',
      '',
      null,
      7,
      { jsonrpc: '2.0', id: 1, result: {} },
      { error: { code: 1.5, message: 'x' } },
      { error: { code: -32600 } },
      { error: 'boom' },
    ]) {
      expect(jsonRpcErrorOfBody(body), JSON.stringify(body)).toBeUndefined()
    }
  })

  test('isJsonRpcErrorObject wants an integer code and a string message', () => {
    expect(isJsonRpcErrorObject({ code: -1, message: '' })).toBe(true)
    expect(isJsonRpcErrorObject({ code: '-1', message: '' })).toBe(false)
    expect(isJsonRpcErrorObject(null)).toBe(false)
  })
})

describe('describeInvalid', () => {
  test('names the problem and keeps a readable id', () => {
    expect(describeInvalid({ jsonrpc: '2.0', id: 3, method: 'x', params: [1] })).toEqual({
      id: 3,
      message: 'Invalid Request: "params" must be an object',
    })
    expect(describeInvalid({ jsonrpc: '2.0', id: 1.5, method: 'x' })).toEqual({
      id: null,
      message: 'Invalid Request: "id" must be a string or an integer',
    })
    expect(describeInvalid('x')).toEqual({
      id: null,
      message: 'Invalid Request: a message must be a JSON object',
    })
  })
})

describe('utf8ByteLength', () => {
  test.each(['', 'ascii', 'é', '€', '😀', 'mixed é€😀 text', '\u{10FFFF}', 'a\uD800b', '\uDC00'])(
    'matches TextEncoder for %j',
    (text) => {
      expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length)
    },
  )
})

describe('decodeFrame', () => {
  test('value frames pass through; oversized frames are too large', () => {
    const value = { a: 1 }
    expect(decodeFrame({ type: 'value', value }, 1)).toBe(value)
    expect(decodeFrame({ type: 'oversized', byteLength: 5 }, 100)).toBe(TOO_LARGE)
  })

  test('text and bytes are measured before parsing', () => {
    expect(decodeFrame({ type: 'text', text: '"€€"' }, 8)).toBe('€€')
    expect(decodeFrame({ type: 'text', text: '"€€€"' }, 10)).toBe(TOO_LARGE)
    expect(decodeFrame({ type: 'bytes', bytes: new TextEncoder().encode('[1]') }, 3)).toEqual([1])
    expect(decodeFrame({ type: 'bytes', bytes: new Uint8Array(4) }, 3)).toBe(TOO_LARGE)
    expect(decodeFrame({ type: 'text', text: '{' }, 100)).toBe(PARSE_FAILED)
    expect(decodeFrame({ type: 'bytes', bytes: new Uint8Array([0xc3]) }, 100)).toBe(PARSE_FAILED)
  })
})
