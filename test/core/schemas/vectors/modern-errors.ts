/**
 * 2026-07-28 error types: the five JSON-RPC `Error` objects with a fixed code, and the three typed
 * error responses (-32020, -32021, -32022).
 */
import { type MessageVector, MODERN, vectorsFor } from './types.ts'

const M = MODERN

/** Vectors for an `Error` object whose `code` is fixed to `code`. */
function fixedCodeError(type: string, code: number, message: string): MessageVector[] {
  const wrongCode = code === -32603 ? -32600 : -32603
  return vectorsFor(type, {
    valid: [
      { name: 'code and message', revisions: M, value: { code, message } },
      { name: 'with data', revisions: M, value: { code, message, data: { detail: 'x' } } },
    ],
    invalid: [
      {
        name: `code ${wrongCode}`,
        revisions: M,
        value: { code: wrongCode, message },
        path: ['code'],
      },
      { name: 'missing message', revisions: M, value: { code }, path: ['message'] },
      {
        name: 'code as a string',
        revisions: M,
        value: { code: String(code), message },
        path: ['code'],
      },
    ],
  })
}

const errorResponse = (error: unknown, id: unknown = 1) => ({ jsonrpc: '2.0', id, error })

const HEADER_MISMATCH = { code: -32020, message: "Mcp-Name header 'foo' does not match body 'bar'" }

const headerMismatchError = vectorsFor('HeaderMismatchError', {
  valid: [
    { name: 'with id', revisions: M, value: errorResponse(HEADER_MISMATCH) },
    { name: 'without id', revisions: M, value: { jsonrpc: '2.0', error: HEADER_MISMATCH } },
  ],
  invalid: [
    {
      name: 'code -32600',
      revisions: M,
      value: errorResponse({ ...HEADER_MISMATCH, code: -32600 }),
      path: ['error', 'code'],
    },
    { name: 'null id', revisions: M, value: errorResponse(HEADER_MISMATCH, null), path: ['id'] },
    {
      name: 'missing message',
      revisions: M,
      value: errorResponse({ code: -32020 }),
      path: ['error', 'message'],
    },
    {
      name: 'missing jsonrpc',
      revisions: M,
      value: { id: 1, error: HEADER_MISMATCH },
      path: ['jsonrpc'],
    },
  ],
})

const UNSUPPORTED = {
  code: -32022,
  message: 'Unsupported protocol version',
  data: { supported: ['2026-07-28', '2025-11-25'], requested: '1999-01-01' },
}

const unsupportedProtocolVersionError = vectorsFor('UnsupportedProtocolVersionError', {
  valid: [{ name: 'supported and requested', revisions: M, value: errorResponse(UNSUPPORTED) }],
  invalid: [
    {
      name: 'missing data',
      revisions: M,
      value: errorResponse({ code: -32022, message: 'm' }),
      path: ['error', 'data'],
    },
    {
      name: 'missing requested',
      revisions: M,
      value: errorResponse({ ...UNSUPPORTED, data: { supported: ['2026-07-28'] } }),
      path: ['error', 'data', 'requested'],
    },
    {
      name: 'supported is a string',
      revisions: M,
      value: errorResponse({ ...UNSUPPORTED, data: { supported: '2026-07-28', requested: 'x' } }),
      path: ['error', 'data', 'supported'],
    },
    {
      name: 'code -32602',
      revisions: M,
      value: errorResponse({ ...UNSUPPORTED, code: -32602 }),
      path: ['error', 'code'],
    },
  ],
})

const MISSING_CAPABILITY = {
  code: -32021,
  message: 'This request needs the elicitation capability',
  data: { requiredCapabilities: { elicitation: {} } },
}

const missingRequiredClientCapabilityError = vectorsFor('MissingRequiredClientCapabilityError', {
  valid: [
    { name: 'elicitation required', revisions: M, value: errorResponse(MISSING_CAPABILITY) },
    {
      name: 'sampling with tools required',
      revisions: M,
      value: errorResponse({
        ...MISSING_CAPABILITY,
        data: { requiredCapabilities: { sampling: { tools: {} } } },
      }),
    },
  ],
  invalid: [
    {
      name: 'missing requiredCapabilities',
      revisions: M,
      value: errorResponse({ ...MISSING_CAPABILITY, data: {} }),
      path: ['error', 'data', 'requiredCapabilities'],
    },
    {
      name: 'requiredCapabilities is a list of names',
      revisions: M,
      value: errorResponse({
        ...MISSING_CAPABILITY,
        data: { requiredCapabilities: ['elicitation'] },
      }),
      path: ['error', 'data', 'requiredCapabilities'],
    },
    {
      name: 'missing data',
      revisions: M,
      value: errorResponse({ code: -32021, message: 'm' }),
      path: ['error', 'data'],
    },
    {
      name: 'code -32602',
      revisions: M,
      value: errorResponse({ ...MISSING_CAPABILITY, code: -32602 }),
      path: ['error', 'code'],
    },
  ],
})

/** Error vectors of 2026-07-28. */
export const MODERN_ERROR_VECTORS: readonly MessageVector[] = [
  ...fixedCodeError('ParseError', -32700, 'Parse error'),
  ...fixedCodeError('InvalidRequestError', -32600, 'Invalid request'),
  ...fixedCodeError('MethodNotFoundError', -32601, 'Method not found'),
  ...fixedCodeError('InvalidParamsError', -32602, 'Invalid params'),
  ...fixedCodeError('InternalError', -32603, 'Internal error'),
  ...headerMismatchError,
  ...unsupportedProtocolVersionError,
  ...missingRequiredClientCapabilityError,
]
