/**
 * JSON-RPC envelopes: requests, notifications, responses and errors under each revision's names,
 * and the 2025-03-26 batches.
 */
import { COMPLETE, notification, request } from './fixtures.ts'
import { ALL, except, from, type MessageVector, MODERN, only, until, vectorsFor } from './types.ts'

const LIST_TOOLS = request(1, 'tools/list')
const INITIALIZED = notification('notifications/initialized')
const RESULT_RESPONSE = { jsonrpc: '2.0', id: 1, result: { ...COMPLETE } }
const ERROR_RESPONSE = {
  jsonrpc: '2.0',
  id: 'req-9',
  error: { code: -32601, message: 'Method not found' },
}

const jsonRpcRequest = vectorsFor('JSONRPCRequest', {
  valid: [
    { name: 'integer id, no params', revisions: ALL, value: LIST_TOOLS },
    { name: 'negative integer id', revisions: ALL, value: request(-3, 'tools/list') },
    {
      name: 'string id with params and progress token',
      revisions: ALL,
      value: request('abc-1', 'tools/call', { _meta: { progressToken: 'tok' }, name: 'x' }),
    },
    { name: 'unknown method name', revisions: ALL, value: request(2, 'vendor/custom', {}) },
  ],
  invalid: [
    {
      name: 'jsonrpc 1.0',
      revisions: ALL,
      value: { jsonrpc: '1.0', id: 1, method: 'ping' },
      path: ['jsonrpc'],
    },
    {
      name: 'missing jsonrpc',
      revisions: ALL,
      value: { id: 1, method: 'ping' },
      path: ['jsonrpc'],
    },
    { name: 'missing id', revisions: ALL, value: { jsonrpc: '2.0', method: 'ping' }, path: ['id'] },
    { name: 'fractional id', revisions: ALL, value: request(1.5, 'ping'), path: ['id'] },
    {
      name: 'null id',
      revisions: ALL,
      value: { jsonrpc: '2.0', id: null, method: 'ping' },
      path: ['id'],
    },
    {
      name: 'boolean id',
      revisions: ALL,
      value: { jsonrpc: '2.0', id: true, method: 'ping' },
      path: ['id'],
    },
    {
      name: 'method is a number',
      revisions: ALL,
      value: { jsonrpc: '2.0', id: 1, method: 42 },
      path: ['method'],
    },
    {
      name: 'params is an array',
      revisions: ALL,
      value: request(1, 'x', [1, 2]),
      path: ['params'],
    },
    {
      // Up to 2025-06-18 the generic request declares params._meta.progressToken; later revisions
      // declare it only on the per-method params types.
      name: 'fractional progress token',
      revisions: until('2025-06-18'),
      value: request(1, 'ping', { _meta: { progressToken: 0.5 } }),
      path: ['params', '_meta', 'progressToken'],
    },
  ],
})

const jsonRpcNotification = vectorsFor('JSONRPCNotification', {
  valid: [
    { name: 'no params', revisions: ALL, value: INITIALIZED },
    {
      name: 'params with _meta',
      revisions: ALL,
      value: notification('notifications/progress', { _meta: {}, progressToken: 1, progress: 1 }),
    },
  ],
  invalid: [
    {
      name: 'missing jsonrpc',
      revisions: ALL,
      value: { method: 'notifications/initialized' },
      path: ['jsonrpc'],
    },
    { name: 'missing method', revisions: ALL, value: { jsonrpc: '2.0' }, path: ['method'] },
    {
      name: 'params is a string',
      revisions: ALL,
      value: notification('notifications/initialized', 'x'),
      path: ['params'],
    },
    {
      name: '_meta is a string',
      revisions: until('2025-06-18'),
      value: notification('notifications/initialized', { _meta: 'x' }),
      path: ['params', '_meta'],
    },
  ],
})

/** Up to 2025-06-18 `JSONRPCResponse` is the result response; later it is result | error. */
const jsonRpcResponse = vectorsFor('JSONRPCResponse', {
  valid: [
    { name: 'result response', revisions: ALL, value: RESULT_RESPONSE },
    {
      name: 'result with _meta and extra keys',
      revisions: ALL,
      value: { jsonrpc: '2.0', id: 'a', result: { ...COMPLETE, _meta: {}, anything: [1] } },
    },
    {
      name: 'legacy result without resultType',
      revisions: until('2025-11-25'),
      value: { jsonrpc: '2.0', id: 1, result: {} },
    },
    { name: 'error response', revisions: from('2025-11-25'), value: ERROR_RESPONSE },
  ],
  invalid: [
    {
      name: 'missing result',
      revisions: until('2025-06-18'),
      value: { jsonrpc: '2.0', id: 1 },
      path: ['result'],
    },
    {
      name: 'fractional id',
      revisions: until('2025-06-18'),
      value: { ...RESULT_RESPONSE, id: 2.5 },
      path: ['id'],
    },
    {
      name: 'fractional id (no union member matches)',
      revisions: from('2025-11-25'),
      value: { ...RESULT_RESPONSE, id: 2.5 },
      path: [],
      orAt: ['id'],
    },
    {
      name: 'result without resultType (no union member matches)',
      revisions: MODERN,
      value: { jsonrpc: '2.0', id: 1, result: {} },
      path: [],
      orAt: ['result', 'resultType'],
    },
  ],
})

const jsonRpcError = vectorsFor('JSONRPCError', {
  valid: [
    { name: 'method not found', revisions: until('2025-06-18'), value: ERROR_RESPONSE },
    {
      name: 'with data',
      revisions: until('2025-06-18'),
      value: { jsonrpc: '2.0', id: 3, error: { code: -32602, message: 'Bad', data: { uri: 'x' } } },
    },
  ],
  invalid: [
    {
      name: 'missing id (allowed only from 2025-11-25)',
      revisions: until('2025-06-18'),
      value: { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' } },
      path: ['id'],
    },
    {
      name: 'null id',
      revisions: until('2025-06-18'),
      value: { ...ERROR_RESPONSE, id: null },
      path: ['id'],
    },
    {
      name: 'fractional code',
      revisions: until('2025-06-18'),
      value: { ...ERROR_RESPONSE, error: { code: -32601.5, message: 'x' } },
      path: ['error', 'code'],
    },
    {
      name: 'code is a string',
      revisions: until('2025-06-18'),
      value: { ...ERROR_RESPONSE, error: { code: '-32601', message: 'x' } },
      path: ['error', 'code'],
    },
    {
      name: 'missing message',
      revisions: until('2025-06-18'),
      value: { ...ERROR_RESPONSE, error: { code: -32601 } },
      path: ['error', 'message'],
    },
  ],
})

const jsonRpcErrorResponse = vectorsFor('JSONRPCErrorResponse', {
  valid: [
    { name: 'method not found', revisions: from('2025-11-25'), value: ERROR_RESPONSE },
    {
      name: 'no id (error before the id was known)',
      revisions: from('2025-11-25'),
      value: { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' } },
    },
    {
      name: 'with data',
      revisions: from('2025-11-25'),
      value: { jsonrpc: '2.0', id: 4, error: { code: -32603, message: 'Boom', data: null } },
    },
  ],
  invalid: [
    {
      name: 'null id',
      revisions: from('2025-11-25'),
      value: { ...ERROR_RESPONSE, id: null },
      path: ['id'],
    },
    {
      name: 'missing error',
      revisions: from('2025-11-25'),
      value: { jsonrpc: '2.0', id: 1 },
      path: ['error'],
    },
    {
      name: 'fractional code',
      revisions: from('2025-11-25'),
      value: { ...ERROR_RESPONSE, error: { code: 1.25, message: 'x' } },
      path: ['error', 'code'],
    },
    {
      name: 'message is a number',
      revisions: from('2025-11-25'),
      value: { ...ERROR_RESPONSE, error: { code: -32603, message: 500 } },
      path: ['error', 'message'],
    },
    {
      name: 'jsonrpc 1.0',
      revisions: from('2025-11-25'),
      value: { ...ERROR_RESPONSE, jsonrpc: '1.0' },
      path: ['jsonrpc'],
    },
  ],
})

const jsonRpcResultResponse = vectorsFor('JSONRPCResultResponse', {
  valid: [
    { name: 'complete result', revisions: from('2025-11-25'), value: RESULT_RESPONSE },
    {
      name: 'legacy empty result',
      revisions: only('2025-11-25'),
      value: { jsonrpc: '2.0', id: 'x', result: {} },
    },
  ],
  invalid: [
    {
      name: 'result without resultType',
      revisions: MODERN,
      value: { jsonrpc: '2.0', id: 1, result: {} },
      path: ['result', 'resultType'],
    },
    {
      name: 'missing id',
      revisions: from('2025-11-25'),
      value: { jsonrpc: '2.0', result: { ...COMPLETE } },
      path: ['id'],
    },
    {
      name: 'result is an array',
      revisions: from('2025-11-25'),
      value: { jsonrpc: '2.0', id: 1, result: [] },
      path: ['result'],
    },
  ],
})

const BATCH_REQUEST = [LIST_TOOLS, INITIALIZED]
const BATCH_RESPONSE = [RESULT_RESPONSE, ERROR_RESPONSE]

const jsonRpcMessage = vectorsFor('JSONRPCMessage', {
  valid: [
    { name: 'request', revisions: ALL, value: LIST_TOOLS },
    { name: 'notification', revisions: ALL, value: INITIALIZED },
    { name: 'result response', revisions: ALL, value: RESULT_RESPONSE },
    { name: 'error response', revisions: ALL, value: ERROR_RESPONSE },
    {
      name: 'batch of requests (2025-03-26 only)',
      revisions: only('2025-03-26'),
      value: BATCH_REQUEST,
    },
    {
      name: 'batch of responses (2025-03-26 only)',
      revisions: only('2025-03-26'),
      value: BATCH_RESPONSE,
    },
  ],
  invalid: [
    {
      name: 'batch of requests outside 2025-03-26',
      revisions: except('2025-03-26'),
      value: BATCH_REQUEST,
      path: [],
    },
    {
      name: 'batch of responses outside 2025-03-26',
      revisions: except('2025-03-26'),
      value: BATCH_RESPONSE,
      path: [],
    },
    { name: 'a bare string', revisions: ALL, value: 'hello', path: [] },
    {
      name: 'only jsonrpc',
      revisions: ALL,
      value: { jsonrpc: '2.0' },
      path: [],
      orAt: ['method'],
    },
    {
      name: 'result without resultType',
      revisions: MODERN,
      value: { jsonrpc: '2.0', id: 1, result: {} },
      path: [],
      orAt: ['result', 'resultType'],
    },
  ],
})

const jsonRpcBatchRequest = vectorsFor('JSONRPCBatchRequest', {
  valid: [
    { name: 'request and notification', revisions: only('2025-03-26'), value: BATCH_REQUEST },
    { name: 'single request', revisions: only('2025-03-26'), value: [LIST_TOOLS] },
  ],
  invalid: [
    { name: 'not an array', revisions: only('2025-03-26'), value: LIST_TOOLS, path: [] },
    {
      name: 'item with jsonrpc 1.0',
      revisions: only('2025-03-26'),
      value: [{ jsonrpc: '1.0', id: 1, method: 'ping' }],
      path: [0],
      orAt: [0, 'jsonrpc'],
    },
    {
      name: 'a response inside a request batch',
      revisions: only('2025-03-26'),
      value: [LIST_TOOLS, RESULT_RESPONSE],
      path: [1],
      orAt: [1, 'method'],
    },
  ],
})

const jsonRpcBatchResponse = vectorsFor('JSONRPCBatchResponse', {
  valid: [
    { name: 'result and error', revisions: only('2025-03-26'), value: BATCH_RESPONSE },
    {
      name: 'single result',
      revisions: only('2025-03-26'),
      value: [{ jsonrpc: '2.0', id: 1, result: {} }],
    },
  ],
  invalid: [
    { name: 'not an array', revisions: only('2025-03-26'), value: RESULT_RESPONSE, path: [] },
    {
      name: 'item with fractional id',
      revisions: only('2025-03-26'),
      value: [{ jsonrpc: '2.0', id: 0.5, result: {} }],
      path: [0],
      orAt: [0, 'id'],
    },
    {
      name: 'a request inside a response batch',
      revisions: only('2025-03-26'),
      value: [LIST_TOOLS],
      path: [0],
      orAt: [0, 'result'],
    },
  ],
})

/** Envelope vectors. */
export const JSON_RPC_VECTORS: readonly MessageVector[] = [
  ...jsonRpcRequest,
  ...jsonRpcNotification,
  ...jsonRpcResponse,
  ...jsonRpcError,
  ...jsonRpcErrorResponse,
  ...jsonRpcResultResponse,
  ...jsonRpcMessage,
  ...jsonRpcBatchRequest,
  ...jsonRpcBatchResponse,
]
