/**
 * Every notification type of every revision and its params, with the base `Notification` and
 * `NotificationParams` types they build on. Neither side validates notifications it receives
 * against these before handing them on, so only the full schema set (servers, the root `validate`)
 * includes them; a client's set leaves this file out (see `client-schemas.ts`).
 */

import {
  constant,
  extend,
  message,
  OpenObjectSchema,
  obj,
  optional,
  ProgressTokenSchema,
  RequestIdSchema,
  rpcNotification,
} from './base.ts'
import * as z from './kit/index.ts'
import { LoggingLevelSchema } from './logging.ts'
import { SUBSCRIPTION_ID_META_KEY } from './meta-keys.ts'
import { REMOVED, type RevisionChanges } from './registry.ts'

/** Params of a notification that carries nothing but an optional `_meta` (up to 2025-06-18). */
const LegacyNotificationParamsSchema = obj({ _meta: z.optional(OpenObjectSchema) })

const messageFields = {
  level: LoggingLevelSchema,
  logger: z.optional(z.string()),
  data: z.unknown(),
}

const progressFields = {
  progressToken: ProgressTokenSchema,
  progress: z.number(),
  total: z.optional(z.number()),
}

const uriParams = () => obj({ uri: z.string() })

/** Notification types, by the revision that introduced or changed them. */
export const notificationDefs: RevisionChanges = {
  '2024-11-05': {
    Notification: () =>
      obj({ method: z.string(), params: z.optional(LegacyNotificationParamsSchema) }),
    InitializedNotification: message(
      'notifications/initialized',
      (t) => t.object('Notification').shape.params as z.Schema,
    ),
    CancelledNotification: message('notifications/cancelled', () =>
      obj({ requestId: RequestIdSchema, reason: z.optional(z.string()) }),
    ),
    ProgressNotification: message('notifications/progress', () => obj(progressFields)),
    ResourceListChangedNotification: message('notifications/resources/list_changed', () =>
      z.optional(LegacyNotificationParamsSchema),
    ),
    ResourceUpdatedNotification: message('notifications/resources/updated', uriParams),
    PromptListChangedNotification: message('notifications/prompts/list_changed', () =>
      z.optional(LegacyNotificationParamsSchema),
    ),
    ToolListChangedNotification: message('notifications/tools/list_changed', () =>
      z.optional(LegacyNotificationParamsSchema),
    ),
    RootsListChangedNotification: message('notifications/roots/list_changed', () =>
      z.optional(LegacyNotificationParamsSchema),
    ),
    LoggingMessageNotification: message('notifications/message', () => obj(messageFields)),
  },
  '2025-03-26': {
    ProgressNotification: message('notifications/progress', () =>
      obj({ ...progressFields, message: z.optional(z.string()) }),
    ),
  },
  '2025-11-25': {
    NotificationParams: constant(LegacyNotificationParamsSchema),
    Notification: () => obj({ method: z.string(), params: z.optional(OpenObjectSchema) }),
    TaskStatusNotificationParams: (t) =>
      z.extend(t.object('NotificationParams'), t.object('Task').shape),
    TaskStatusNotification: rpcNotification(
      'notifications/tasks/status',
      'TaskStatusNotificationParams',
    ),
    InitializedNotification: rpcNotification(
      'notifications/initialized',
      optional('NotificationParams'),
    ),
    CancelledNotificationParams: extend('NotificationParams', () => ({
      requestId: z.optional(RequestIdSchema),
      reason: z.optional(z.string()),
    })),
    CancelledNotification: rpcNotification(
      'notifications/cancelled',
      'CancelledNotificationParams',
    ),
    ProgressNotificationParams: extend('NotificationParams', () => ({
      ...progressFields,
      message: z.optional(z.string()),
    })),
    ProgressNotification: rpcNotification('notifications/progress', 'ProgressNotificationParams'),
    ResourceUpdatedNotificationParams: extend('NotificationParams', () => ({ uri: z.string() })),
    ResourceUpdatedNotification: rpcNotification(
      'notifications/resources/updated',
      'ResourceUpdatedNotificationParams',
    ),
    ResourceListChangedNotification: rpcNotification(
      'notifications/resources/list_changed',
      optional('NotificationParams'),
    ),
    PromptListChangedNotification: rpcNotification(
      'notifications/prompts/list_changed',
      optional('NotificationParams'),
    ),
    ToolListChangedNotification: rpcNotification(
      'notifications/tools/list_changed',
      optional('NotificationParams'),
    ),
    ElicitationCompleteNotification: rpcNotification('notifications/elicitation/complete', () =>
      obj({ elicitationId: z.string() }),
    ),
    RootsListChangedNotification: rpcNotification(
      'notifications/roots/list_changed',
      optional('NotificationParams'),
    ),
    LoggingMessageNotificationParams: extend('NotificationParams', () => messageFields),
    LoggingMessageNotification: rpcNotification(
      'notifications/message',
      'LoggingMessageNotificationParams',
    ),
  },
  '2026-07-28': {
    NotificationMetaObject: () => obj({ [SUBSCRIPTION_ID_META_KEY]: z.optional(RequestIdSchema) }),
    NotificationParams: (t) => obj({ _meta: z.optional(t('NotificationMetaObject')) }),
    TaskStatusNotificationParams: REMOVED,
    TaskStatusNotification: REMOVED,
    InitializedNotification: REMOVED,
    CancelledNotificationParams: extend('NotificationParams', () => ({
      requestId: RequestIdSchema,
      reason: z.optional(z.string()),
    })),
    ElicitationCompleteNotification: REMOVED,
    RootsListChangedNotification: REMOVED,
    SubscriptionsAcknowledgedNotificationParams: extend('NotificationParams', (t) => ({
      notifications: t('SubscriptionFilter'),
    })),
    SubscriptionsAcknowledgedNotification: rpcNotification(
      'notifications/subscriptions/acknowledged',
      'SubscriptionsAcknowledgedNotificationParams',
    ),
  },
}
