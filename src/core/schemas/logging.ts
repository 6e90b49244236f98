/**
 * Logging: levels, `notifications/message` and (legacy only) `logging/setLevel`. In 2026-07-28 the
 * level travels per request in `_meta` (see `LOG_LEVEL_META_KEY`).
 */
import * as z from 'zod'
import {
  constant,
  extend,
  LoggingLevelSchema,
  message,
  obj,
  rpcNotification,
  rpcRequest,
} from './base.ts'
import { REMOVED, type RevisionChanges } from './registry.ts'

const messageFields = {
  level: LoggingLevelSchema,
  logger: z.string().optional(),
  data: z.unknown(),
}

/** Logging types, by the revision that introduced or changed them. */
export const loggingDefs: RevisionChanges = {
  '2024-11-05': {
    LoggingLevel: constant(LoggingLevelSchema),
    SetLevelRequest: message('logging/setLevel', () => obj({ level: LoggingLevelSchema })),
    LoggingMessageNotification: message('notifications/message', () => obj(messageFields)),
  },
  '2025-11-25': {
    SetLevelRequestParams: extend('RequestParams', () => ({ level: LoggingLevelSchema })),
    SetLevelRequest: rpcRequest('logging/setLevel', 'SetLevelRequestParams'),
    LoggingMessageNotificationParams: extend('NotificationParams', () => messageFields),
    LoggingMessageNotification: rpcNotification(
      'notifications/message',
      'LoggingMessageNotificationParams',
    ),
  },
  '2026-07-28': {
    SetLevelRequestParams: REMOVED,
    SetLevelRequest: REMOVED,
  },
}
