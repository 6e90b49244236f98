import { describe, expect, test } from 'vitest'
import { classifyProbeResponse, detectRequestEra } from '../../../src/core/eras/detect.ts'
import { PROTOCOL_VERSION_META_KEY } from '../../../src/core/schemas/meta-keys.ts'

const errorBody = (code: number, data?: unknown) => ({
  jsonrpc: '2.0',
  id: 1,
  error: data === undefined ? { code, message: 'm' } : { code, message: 'm', data },
})

describe('classifyProbeResponse', () => {
  test('a server/discover result is modern, with its versions', () => {
    const body = {
      jsonrpc: '2.0',
      id: 1,
      result: { supportedVersions: ['2026-07-28'], capabilities: {}, resultType: 'complete' },
    }
    expect(classifyProbeResponse({ status: 200, body })).toEqual({
      era: 'modern',
      reason: 'discover-result',
      supportedVersions: ['2026-07-28'],
    })
    expect(classifyProbeResponse({ body: JSON.stringify(body) })).toMatchObject({ era: 'modern' })
  })

  test('-32022 on 400 is modern and carries data.supported for the retry', () => {
    const body = errorBody(-32022, { supported: ['2026-07-28'], requested: '2099-01-01' })
    expect(classifyProbeResponse({ status: 400, body })).toEqual({
      era: 'modern',
      reason: 'modern-error',
      error: body.error,
      supportedVersions: ['2026-07-28'],
    })
  })

  test.each([
    [400, -32021],
    [400, -32020],
    [405, -32022],
    [404, -32601],
  ])('status %i with %i is modern', (status, code) => {
    expect(classifyProbeResponse({ status, body: errorBody(code) }).era).toBe('modern')
  })

  test.each([
    ['-32601 with 400 (legacy servers answer unknown methods so)', 400, errorBody(-32601)],
    ['-32601 with 200', 200, errorBody(-32601)],
    ['legacy session error -32000 on 400', 400, errorBody(-32000)],
    ['-32602 on 400', 400, errorBody(-32602)],
    ['a modern code with an unrelated status', 500, errorBody(-32022)],
    ['a modern code on 200', 200, errorBody(-32022)],
    ['a plain-text body', 400, 'Bad Request: No valid session ID provided'],
    ['an empty body', 405, ''],
    ['no body', 404, undefined],
    ['a malformed error object', 400, { jsonrpc: '2.0', id: 1, error: { code: '-32022' } }],
    ['a result without supportedVersions', 200, { jsonrpc: '2.0', id: 1, result: {} }],
    [
      'a result on an error status',
      400,
      { jsonrpc: '2.0', id: 1, result: { supportedVersions: [] } },
    ],
    ['a batch', 200, [errorBody(-32022)]],
  ])('%s is legacy', (_name, status, body) => {
    expect(classifyProbeResponse({ status, body })).toEqual({ era: 'legacy' })
  })

  test('stdio (no status): modern-only codes are modern, -32601 alone is legacy', () => {
    expect(classifyProbeResponse({ body: errorBody(-32022) }).era).toBe('modern')
    expect(classifyProbeResponse({ body: errorBody(-32021) }).era).toBe('modern')
    expect(classifyProbeResponse({ body: errorBody(-32601) }).era).toBe('legacy')
  })
})

describe('detectRequestEra', () => {
  const modernBody = (version: unknown) => ({
    jsonrpc: '2.0',
    id: 1,
    method: 'tools/list',
    params: {
      _meta: {
        [PROTOCOL_VERSION_META_KEY]: version,
        'io.modelcontextprotocol/clientCapabilities': {},
      },
    },
  })
  const initialize = {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'c', version: '1' },
    },
  }

  test.each(['GET', 'DELETE', 'get'])('%s is legacy whatever the headers say', (httpMethod) => {
    expect(detectRequestEra({ httpMethod, protocolVersionHeader: '2026-07-28' })).toEqual({
      era: 'legacy',
      protocolVersion: '2026-07-28',
      assumed: false,
    })
  })

  test('a modern header and matching _meta is modern', () => {
    expect(
      detectRequestEra({
        httpMethod: 'POST',
        protocolVersionHeader: '2026-07-28',
        body: modernBody('2026-07-28'),
      }),
    ).toEqual({
      era: 'modern',
      protocolVersion: '2026-07-28',
      headerVersion: '2026-07-28',
      metaVersion: '2026-07-28',
      headerMismatch: false,
    })
  })

  test('_meta alone makes it modern; a missing or different header is a mismatch', () => {
    expect(detectRequestEra({ httpMethod: 'POST', body: modernBody('2026-07-28') })).toMatchObject({
      era: 'modern',
      protocolVersion: '2026-07-28',
      headerMismatch: true,
    })
    expect(
      detectRequestEra({
        httpMethod: 'post',
        protocolVersionHeader: '2025-11-25',
        body: modernBody('2026-07-28'),
      }),
    ).toMatchObject({ era: 'modern', headerVersion: '2025-11-25', headerMismatch: true })
  })

  test('an unknown _meta version is still modern, so the server can answer -32022', () => {
    expect(
      detectRequestEra({
        httpMethod: 'POST',
        protocolVersionHeader: '1999-01-01',
        body: modernBody('1999-01-01'),
      }),
    ).toMatchObject({ era: 'modern', protocolVersion: '1999-01-01', headerMismatch: false })
  })

  test('a modern header without _meta is modern (the server answers -32602)', () => {
    expect(
      detectRequestEra({
        httpMethod: 'POST',
        protocolVersionHeader: '2026-07-28',
        body: { jsonrpc: '2.0', id: 1, method: 'tools/list' },
      }),
    ).toEqual({
      era: 'modern',
      protocolVersion: '2026-07-28',
      headerVersion: '2026-07-28',
      metaVersion: undefined,
      headerMismatch: false,
    })
  })

  test('initialize without a header is legacy, assumed 2025-03-26', () => {
    expect(
      detectRequestEra({ httpMethod: 'POST', protocolVersionHeader: null, body: initialize }),
    ).toEqual({ era: 'legacy', protocolVersion: '2025-03-26', assumed: true })
  })

  test('a legacy header stays legacy, and an unknown one is reported for a 400', () => {
    expect(
      detectRequestEra({ httpMethod: 'POST', protocolVersionHeader: '2025-06-18', body: {} }),
    ).toEqual({ era: 'legacy', protocolVersion: '2025-06-18', assumed: false })
    expect(
      detectRequestEra({ httpMethod: 'POST', protocolVersionHeader: 'bogus', body: initialize }),
    ).toEqual({ era: 'legacy', protocolVersion: 'bogus', assumed: false })
  })

  test('a batch body is legacy', () => {
    expect(detectRequestEra({ httpMethod: 'POST', body: [modernBody('2026-07-28')] }).era).toBe(
      'legacy',
    )
  })
})
