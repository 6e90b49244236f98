/**
 * JSON-RPC 2.0 as each MCP revision types it: the base `Request`/`Notification`/`Result` types, the
 * envelopes, errors, batches (2025-03-26 only) and the typed error responses of 2026-07-28.
 */

import {
  alias,
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
import * as z from './kit/index.ts'
import type { RevisionChanges } from './registry.ts'

/** The JSON-RPC error object of every revision: `{ code, message, data? }`. */
export const JsonRpcErrorObjectSchema = obj({
  code: z.int(),
  message: z.string(),
  data: z.optional(z.unknown()),
})

/** Any JSON-RPC request envelope: `{ jsonrpc: "2.0", id, method, params? }` (params an object). */
export const JsonRpcRequestSchema = obj({
  jsonrpc: JsonRpcVersionSchema,
  id: RequestIdSchema,
  method: z.string(),
  params: z.optional(OpenObjectSchema),
})

/** Any JSON-RPC notification envelope: `{ jsonrpc: "2.0", method, params? }`. */
export const JsonRpcNotificationSchema = obj({
  jsonrpc: JsonRpcVersionSchema,
  method: z.string(),
  params: z.optional(OpenObjectSchema),
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
  id: z.optional(RequestIdSchema),
  error: JsonRpcErrorObjectSchema,
})

/** JSON-RPC types, by the revision that introduced or changed them. */
export const jsonRpcDefs: RevisionChanges = {
  '2024-11-05': {
    RequestId: constant(RequestIdSchema),
    ProgressToken: constant(ProgressTokenSchema),
    Cursor: constant(CursorSchema),
    Request: () =>
      obj({
        method: z.string(),
        params: z.optional(obj({ _meta: z.optional(LegacyRequestMetaSchema) })),
      }),
    Notification: () =>
      obj({ method: z.string(), params: z.optional(LegacyNotificationParamsSchema) }),
    Result: () => obj({ _meta: z.optional(OpenObjectSchema) }),
    EmptyResult: alias('Result'),
    /** The base of every result that is complete (differs from `Result` in 2026-07-28 only). */
    '~CompleteResult': alias('Result'),
    JSONRPCRequest: extend('Request', () => ({
      jsonrpc: JsonRpcVersionSchema,
      id: RequestIdSchema,
    })),
  },
  '2025-11-25': {
    RequestParams: () => obj({ _meta: z.optional(LegacyRequestMetaSchema) }),
    NotificationParams: constant(LegacyNotificationParamsSchema),
    Request: () => obj({ method: z.string(), params: z.optional(OpenObjectSchema) }),
    Notification: () => obj({ method: z.string(), params: z.optional(OpenObjectSchema) }),
    Error: constant(JsonRpcErrorObjectSchema),
  },
  '2026-07-28': {
    RequestParams: (t) => obj({ _meta: t('RequestMetaObject') }),
    NotificationParams: (t) => obj({ _meta: z.optional(t('NotificationMetaObject')) }),
    Result: (t) => obj({ _meta: z.optional(t('ResultMetaObject')), resultType: t('ResultType') }),
    '~CompleteResult': (t) => z.extend(t.object('Result'), { resultType: z.literal('complete') }),
  },
}
