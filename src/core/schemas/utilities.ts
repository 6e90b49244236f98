/**
 * Protocol utilities: `ping` (legacy only), cancellation, progress and pagination.
 */
import * as z from 'zod'
import {
  CursorSchema,
  extend,
  LegacyRequestMetaSchema,
  message,
  obj,
  optional,
  ProgressTokenSchema,
  RequestIdSchema,
  rpcNotification,
  rpcRequest,
} from './base.ts'
import { REMOVED, type RevisionChanges } from './registry.ts'

const progressFields = {
  progressToken: ProgressTokenSchema,
  progress: z.number(),
  total: z.number().optional(),
}

/** Utility types, by the revision that introduced or changed them. */
export const utilityDefs: RevisionChanges = {
  '2024-11-05': {
    PingRequest: message('ping', () =>
      obj({ _meta: LegacyRequestMetaSchema.optional() }).optional(),
    ),
    CancelledNotification: message('notifications/cancelled', () =>
      obj({ requestId: RequestIdSchema, reason: z.string().optional() }),
    ),
    ProgressNotification: message('notifications/progress', () => obj(progressFields)),
    PaginatedRequest: () =>
      obj({ method: z.string(), params: obj({ cursor: CursorSchema.optional() }).optional() }),
    PaginatedResult: extend('Result', () => ({ nextCursor: CursorSchema.optional() })),
    /** The base of every list result (`PaginatedResult`, plus caching hints in 2026-07-28). */
    '~ListResult': (t) => t('PaginatedResult'),
  },
  '2025-03-26': {
    ProgressNotification: message('notifications/progress', () =>
      obj({ ...progressFields, message: z.string().optional() }),
    ),
  },
  '2025-11-25': {
    PingRequest: rpcRequest('ping', optional('RequestParams')),
    CancelledNotificationParams: extend('NotificationParams', () => ({
      requestId: RequestIdSchema.optional(),
      reason: z.string().optional(),
    })),
    CancelledNotification: rpcNotification(
      'notifications/cancelled',
      'CancelledNotificationParams',
    ),
    ProgressNotificationParams: extend('NotificationParams', () => ({
      ...progressFields,
      message: z.string().optional(),
    })),
    ProgressNotification: rpcNotification('notifications/progress', 'ProgressNotificationParams'),
    PaginatedRequestParams: extend('RequestParams', () => ({ cursor: CursorSchema.optional() })),
    PaginatedRequest: extend('JSONRPCRequest', (t) => ({
      params: t('PaginatedRequestParams').optional(),
    })),
  },
  '2026-07-28': {
    PingRequest: REMOVED,
    CancelledNotificationParams: extend('NotificationParams', () => ({
      requestId: RequestIdSchema,
      reason: z.string().optional(),
    })),
    PaginatedRequest: extend('JSONRPCRequest', (t) => ({ params: t('PaginatedRequestParams') })),
  },
}
