/**
 * JSON-RPC 2.0 as each MCP revision types it: the base `Request` and `Result` types and the request
 * envelope, which the results and server requests a client validates build on. The base
 * `Notification` types are in `notifications.ts`; the other envelopes, errors and batches in
 * `envelopes.ts`: only the full set reads those.
 */

import {
  alias,
  constant,
  extend,
  JsonRpcVersionSchema,
  LegacyRequestParamsSchema,
  metaField,
  OpenObjectSchema,
  obj,
  RequestIdSchema,
} from './base.ts'
import * as z from './kit/index.ts'
import type { RevisionChanges } from './registry.ts'

/** JSON-RPC types, by the revision that introduced or changed them. */
export const jsonRpcDefs: RevisionChanges = {
  '2024-11-05': {
    Request: () => obj({ method: z.string(), params: z.optional(LegacyRequestParamsSchema) }),
    Result: () => obj(metaField),
    EmptyResult: alias('Result'),
    /** The base of every result that is complete (differs from `Result` in 2026-07-28 only). */
    '~CompleteResult': alias('Result'),
    JSONRPCRequest: extend('Request', () => ({
      jsonrpc: JsonRpcVersionSchema,
      id: RequestIdSchema,
    })),
  },
  '2025-11-25': {
    RequestParams: constant(LegacyRequestParamsSchema),
    Request: () => obj({ method: z.string(), params: z.optional(OpenObjectSchema) }),
  },
  '2026-07-28': {
    RequestParams: (t) => obj({ _meta: t('RequestMetaObject') }),
    Result: (t) => obj({ _meta: z.optional(t('ResultMetaObject')), resultType: t('ResultType') }),
    '~CompleteResult': (t) => z.extend(t.object('Result'), { resultType: z.literal('complete') }),
  },
}
