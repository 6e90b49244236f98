/**
 * Roots: `roots/list` and its list-changed notification. A server-to-client request up to
 * 2025-11-25; an input request of `InputRequiredResult` in 2026-07-28, which also drops the
 * notification.
 */
import * as z from 'zod'
import {
  extend,
  extendBase,
  LegacyNotificationParamsSchema,
  LegacyRequestMetaSchema,
  message,
  OpenObjectSchema,
  obj,
  optional,
  rpcNotification,
  rpcRequest,
} from './base.ts'
import { REMOVED, type RevisionChanges } from './registry.ts'

/** Root types, by the revision that introduced or changed them. */
export const rootDefs: RevisionChanges = {
  '2024-11-05': {
    Root: () => obj({ uri: z.string(), name: z.string().optional() }),
    ListRootsRequest: message('roots/list', () =>
      obj({ _meta: LegacyRequestMetaSchema.optional() }).optional(),
    ),
    ListRootsResult: extend('Result', (t) => ({ roots: z.array(t('Root')) })),
    RootsListChangedNotification: message('notifications/roots/list_changed', () =>
      LegacyNotificationParamsSchema.optional(),
    ),
  },
  '2025-06-18': {
    Root: extendBase(() => ({ _meta: OpenObjectSchema.optional() })),
  },
  '2025-11-25': {
    ListRootsRequest: rpcRequest('roots/list', optional('RequestParams')),
    RootsListChangedNotification: rpcNotification(
      'notifications/roots/list_changed',
      optional('NotificationParams'),
    ),
  },
  '2026-07-28': {
    ListRootsRequest: message('roots/list', () =>
      obj({ _meta: OpenObjectSchema.optional() }).optional(),
    ),
    ListRootsResult: (t) => obj({ roots: z.array(t('Root')) }),
    RootsListChangedNotification: REMOVED,
  },
}
