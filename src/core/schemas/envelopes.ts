/**
 * JSON-RPC envelopes (responses, errors, messages, the batches of 2025-03-26), the typed error
 * responses of 2025-11-25 and 2026-07-28, the `*ResultResponse` types of 2026-07-28, and the
 * revision-independent envelope schemas. Validation checks the payloads, not these wrappers, so a
 * client's schema set leaves this file out (see `client-schemas.ts`); the full set keeps them for
 * the root `validate`.
 */

import { JsonRpcErrorCode } from '../errors/codes.ts'
import {
  anyOf,
  constant,
  extend,
  JsonRpcVersionSchema,
  OpenObjectSchema,
  obj,
  RequestIdSchema,
  resultResponse,
} from './base.ts'
import * as z from './kit/index.ts'
import { REMOVED, type RevisionChanges, type TypeDef } from './registry.ts'

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

const jsonRpcMessage = anyOf([
  'JSONRPCRequest',
  'JSONRPCNotification',
  'JSONRPCResponse',
  'JSONRPCError',
])

/** An error response whose `error` is `Error` with a fixed `code` and, where given, typed `data`. */
export function typedErrorResponse(code: number, data?: TypeDef): TypeDef {
  return (t) =>
    z.extend(t.object('JSONRPCErrorResponse'), {
      error: z.extend(t.object('Error'), {
        code: z.literal(code),
        ...(data === undefined ? {} : { data: data(t) }),
      }),
    })
}

/** An `Error` with a fixed `code` (`ParseError`, `InvalidParamsError`, … in 2026-07-28). */
function typedError(code: number): TypeDef {
  return (t) => z.extend(t.object('Error'), { code: z.literal(code) })
}

/** Envelope and typed error types, by the revision that introduced or changed them. */
export const envelopeDefs: RevisionChanges = {
  '2024-11-05': {
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
    Error: constant(JsonRpcErrorObjectSchema),
    JSONRPCResultResponse: (t) =>
      obj({ jsonrpc: JsonRpcVersionSchema, id: RequestIdSchema, result: t('Result') }),
    JSONRPCErrorResponse: (t) =>
      obj({ jsonrpc: JsonRpcVersionSchema, id: z.optional(RequestIdSchema), error: t('Error') }),
    JSONRPCResponse: anyOf(['JSONRPCResultResponse', 'JSONRPCErrorResponse']),
    JSONRPCError: REMOVED,
    JSONRPCMessage: anyOf([
      'JSONRPCRequest',
      'JSONRPCNotification',
      'JSONRPCResultResponse',
      'JSONRPCErrorResponse',
    ]),
    URLElicitationRequiredError: typedErrorResponse(JsonRpcErrorCode.UrlElicitationRequired, (t) =>
      obj({ elicitations: z.array(t('ElicitRequestURLParams')) }),
    ),
  },
  '2026-07-28': {
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
    ReadResourceResultResponse: resultResponse('~ReadResourceOutcome'),
    ListResourcesResultResponse: resultResponse('ListResourcesResult'),
    ListResourceTemplatesResultResponse: resultResponse('ListResourceTemplatesResult'),
    GetPromptResultResponse: resultResponse('~GetPromptOutcome'),
    ListPromptsResultResponse: resultResponse('ListPromptsResult'),
    CallToolResultResponse: resultResponse('~CallToolOutcome'),
    ListToolsResultResponse: resultResponse('ListToolsResult'),
    URLElicitationRequiredError: REMOVED,
    CompleteResultResponse: resultResponse('CompleteResult'),
    DiscoverResultResponse: resultResponse('DiscoverResult'),
    SubscriptionsListenResultResponse: resultResponse('SubscriptionsListenResult'),
  },
}
