/**
 * Protocol utilities: `ping` (legacy only), cancellation, progress and pagination.
 */

import {
  CursorSchema,
  extend,
  LegacyRequestParamsSchema,
  message,
  obj,
  optional,
  rpcRequest,
} from './base.ts'
import * as z from './kit/index.ts'
import { REMOVED, type RevisionChanges } from './registry.ts'

/** Utility types, by the revision that introduced or changed them. */
export const utilityDefs: RevisionChanges = {
  '2024-11-05': {
    PingRequest: message('ping', () => z.optional(LegacyRequestParamsSchema)),
    PaginatedRequest: () =>
      obj({ method: z.string(), params: z.optional(obj({ cursor: z.optional(CursorSchema) })) }),
    PaginatedResult: extend('Result', () => ({ nextCursor: z.optional(CursorSchema) })),
    /** The base of every list result (`PaginatedResult`, plus caching hints in 2026-07-28). */
    '~ListResult': (t) => t('PaginatedResult'),
  },
  '2025-11-25': {
    PingRequest: rpcRequest('ping', optional('RequestParams')),
    PaginatedRequestParams: extend('RequestParams', () => ({ cursor: z.optional(CursorSchema) })),
    PaginatedRequest: extend('JSONRPCRequest', (t) => ({
      params: z.optional(t('PaginatedRequestParams')),
    })),
  },
  '2026-07-28': {
    PingRequest: REMOVED,
    PaginatedRequest: extend('JSONRPCRequest', (t) => ({ params: t('PaginatedRequestParams') })),
  },
}
