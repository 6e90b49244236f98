/**
 * JSON-RPC 2.0 as each MCP revision types it: the base `Request`/`Notification`/`Result` types, the
 * envelopes, errors, batches (2025-03-26 only) and the typed error responses of 2026-07-28.
 */
import * as z from 'zod'
import { JsonRpcErrorCode } from '../errors/codes.ts'
import {
  alias,
  anyOf,
  CursorSchema,
  constant,
  extend,
  JsonRpcVersionSchema,
  LegacyNotificationParamsSchema,
  LegacyRequestMetaSchema,
  OpenObjectSchema,
  obj,
  ProgressTokenSchema,
  RequestIdSchema,
} from './base.ts'
import { REMOVED, type RevisionChanges, type TypeDef } from './registry.ts'

/** The JSON-RPC error object of every revision: `{ code, message, data? }`. */
export const JsonRpcErrorObjectSchema = obj({
  code: z.int(),
  message: z.string(),
  data: z.unknown().optional(),
})

/** Any JSON-RPC request envelope: `{ jsonrpc: "2.0", id, method, params? }` (params an object). */
export const JsonRpcRequestSchema = obj({
  jsonrpc: JsonRpcVersionSchema,
  id: RequestIdSchema,
  method: z.string(),
  params: OpenObjectSchema.optional(),
})

/** Any JSON-RPC notification envelope: `{ jsonrpc: "2.0", method, params? }`. */
export const JsonRpcNotificationSchema = obj({
  jsonrpc: JsonRpcVersionSchema,
  method: z.string(),
  params: OpenObjectSchema.optional(),
})

/** Any successful response envelope: `{ jsonrpc: "2.0", id, result }` (result an object). */
export const JsonRpcResultResponseSchema = obj({
  jsonrpc: JsonRpcVersionSchema,
  id: RequestIdSchema,
  result: OpenObjectSchema,
})

/**
 * Any error response envelope: `{ jsonrpc: "2.0", id?, error }`. `id` may be absent (2025-11-25 on)
 * when the request's id could not be read.
 */
export const JsonRpcErrorResponseSchema = obj({
  jsonrpc: JsonRpcVersionSchema,
  id: RequestIdSchema.optional(),
  error: JsonRpcErrorObjectSchema,
})

const jsonRpcMessage = anyOf([
  'JSONRPCRequest',
  'JSONRPCNotification',
  'JSONRPCResponse',
  'JSONRPCError',
])

/** An error response whose `error` is `Error` with a fixed `code` and, where given, typed `data`. */
export function typedErrorResponse(code: number, data?: TypeDef): TypeDef {
  return (t) =>
    t.object('JSONRPCErrorResponse').extend({
      error: t.object('Error').extend({
        code: z.literal(code),
        ...(data === undefined ? {} : { data: data(t) }),
      }),
    })
}

/** An `Error` with a fixed `code` (`ParseError`, `InvalidParamsError`, … in 2026-07-28). */
function typedError(code: number): TypeDef {
  return (t) => t.object('Error').extend({ code: z.literal(code) })
}

/** JSON-RPC types, by the revision that introduced or changed them. */
export const jsonRpcDefs: RevisionChanges = {
  '2024-11-05': {
    RequestId: constant(RequestIdSchema),
    ProgressToken: constant(ProgressTokenSchema),
    Cursor: constant(CursorSchema),
    Request: () =>
      obj({
        method: z.string(),
        params: obj({ _meta: LegacyRequestMetaSchema.optional() }).optional(),
      }),
    Notification: () =>
      obj({ method: z.string(), params: LegacyNotificationParamsSchema.optional() }),
    Result: () => obj({ _meta: OpenObjectSchema.optional() }),
    EmptyResult: alias('Result'),
    /** The base of every result that is complete (differs from `Result` in 2026-07-28 only). */
    '~CompleteResult': alias('Result'),
    JSONRPCRequest: extend('Request', () => ({
      jsonrpc: JsonRpcVersionSchema,
      id: RequestIdSchema,
    })),
    JSONRPCNotification: extend('Notification', () => ({ jsonrpc: JsonRpcVersionSchema })),
    JSONRPCResponse: (t) =>
      obj({ jsonrpc: JsonRpcVersionSchema, id: RequestIdSchema, result: t('Result') }),
    JSONRPCError: () =>
      obj({ jsonrpc: JsonRpcVersionSchema, id: RequestIdSchema, error: JsonRpcErrorObjectSchema }),
    JSONRPCMessage: jsonRpcMessage,
  },
  '2025-03-26': {
    JSONRPCBatchRequest: (t) => z.array(z.union([t('JSONRPCRequest'), t('JSONRPCNotification')])),
    JSONRPCBatchResponse: (t) => z.array(z.union([t('JSONRPCResponse'), t('JSONRPCError')])),
    JSONRPCMessage: anyOf([
      'JSONRPCRequest',
      'JSONRPCNotification',
      'JSONRPCBatchRequest',
      'JSONRPCResponse',
      'JSONRPCError',
      'JSONRPCBatchResponse',
    ]),
  },
  '2025-06-18': {
    JSONRPCBatchRequest: REMOVED,
    JSONRPCBatchResponse: REMOVED,
    JSONRPCMessage: jsonRpcMessage,
  },
  '2025-11-25': {
    RequestParams: () => obj({ _meta: LegacyRequestMetaSchema.optional() }),
    NotificationParams: constant(LegacyNotificationParamsSchema),
    Request: () => obj({ method: z.string(), params: OpenObjectSchema.optional() }),
    Notification: () => obj({ method: z.string(), params: OpenObjectSchema.optional() }),
    Error: constant(JsonRpcErrorObjectSchema),
    JSONRPCResultResponse: (t) =>
      obj({ jsonrpc: JsonRpcVersionSchema, id: RequestIdSchema, result: t('Result') }),
    JSONRPCErrorResponse: (t) =>
      obj({ jsonrpc: JsonRpcVersionSchema, id: RequestIdSchema.optional(), error: t('Error') }),
    JSONRPCResponse: anyOf(['JSONRPCResultResponse', 'JSONRPCErrorResponse']),
    JSONRPCError: REMOVED,
    JSONRPCMessage: anyOf([
      'JSONRPCRequest',
      'JSONRPCNotification',
      'JSONRPCResultResponse',
      'JSONRPCErrorResponse',
    ]),
  },
  '2026-07-28': {
    RequestParams: (t) => obj({ _meta: t('RequestMetaObject') }),
    NotificationParams: (t) => obj({ _meta: t('NotificationMetaObject').optional() }),
    Result: (t) => obj({ _meta: t('ResultMetaObject').optional(), resultType: t('ResultType') }),
    '~CompleteResult': (t) => t.object('Result').extend({ resultType: z.literal('complete') }),
    ParseError: typedError(JsonRpcErrorCode.ParseError),
    InvalidRequestError: typedError(JsonRpcErrorCode.InvalidRequest),
    MethodNotFoundError: typedError(JsonRpcErrorCode.MethodNotFound),
    InvalidParamsError: typedError(JsonRpcErrorCode.InvalidParams),
    InternalError: typedError(JsonRpcErrorCode.InternalError),
    HeaderMismatchError: typedErrorResponse(JsonRpcErrorCode.HeaderMismatch),
    UnsupportedProtocolVersionError: typedErrorResponse(
      JsonRpcErrorCode.UnsupportedProtocolVersion,
      () => obj({ supported: z.array(z.string()), requested: z.string() }),
    ),
    MissingRequiredClientCapabilityError: typedErrorResponse(
      JsonRpcErrorCode.MissingRequiredClientCapability,
      (t) => obj({ requiredCapabilities: t('ClientCapabilities') }),
    ),
  },
}
