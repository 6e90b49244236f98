/**
 * Resources: `Resource`, `ResourceTemplate`, listing, reading, and the legacy subscriptions
 * (`resources/subscribe`, removed in 2026-07-28 in favour of `subscriptions/listen`).
 */
import * as z from 'zod'
import {
  alias,
  extend,
  extendBase,
  LegacyNotificationParamsSchema,
  message,
  OpenObjectSchema,
  obj,
  optional,
  outcome,
  paginatedRequest,
  resultResponse,
  rpcNotification,
  rpcRequest,
} from './base.ts'
import { REMOVED, type Resolver, type RevisionChanges } from './registry.ts'

const uriParams = () => obj({ uri: z.string() })

/** The descriptive fields of a resource or template, beside its `uri`/`uriTemplate`. */
function described(t: Resolver | undefined) {
  return {
    description: z.string().optional(),
    mimeType: z.string().optional(),
    ...(t === undefined ? {} : { annotations: t('Annotations').optional() }),
  }
}

/** `Resource` fields beside `name`. */
function resourceFields(t: Resolver | undefined) {
  return { uri: z.string(), ...described(t), size: z.int().optional() }
}

const metaField = { _meta: OpenObjectSchema.optional() }

/** Resource types, by the revision that introduced or changed them. */
export const resourceDefs: RevisionChanges = {
  '2024-11-05': {
    Resource: extend('Annotated', () => ({ name: z.string(), ...resourceFields(undefined) })),
    ResourceTemplate: extend('Annotated', () => ({
      uriTemplate: z.string(),
      name: z.string(),
      ...described(undefined),
    })),
    ListResourcesRequest: paginatedRequest('resources/list'),
    ListResourcesResult: extend('~ListResult', (t) => ({ resources: z.array(t('Resource')) })),
    ListResourceTemplatesRequest: paginatedRequest('resources/templates/list'),
    ListResourceTemplatesResult: extend('~ListResult', (t) => ({
      resourceTemplates: z.array(t('ResourceTemplate')),
    })),
    ReadResourceRequest: message('resources/read', uriParams),
    ReadResourceResult: extend('~CompleteResult', (t) => ({
      contents: z.array(t('~ResourceContents')),
    })),
    ResourceListChangedNotification: message('notifications/resources/list_changed', () =>
      LegacyNotificationParamsSchema.optional(),
    ),
    SubscribeRequest: message('resources/subscribe', uriParams),
    UnsubscribeRequest: message('resources/unsubscribe', uriParams),
    ResourceUpdatedNotification: message('notifications/resources/updated', uriParams),
  },
  '2025-03-26': {
    Resource: (t) => obj({ name: z.string(), ...resourceFields(t) }),
    ResourceTemplate: (t) => obj({ uriTemplate: z.string(), name: z.string(), ...described(t) }),
  },
  '2025-06-18': {
    Resource: extend('BaseMetadata', (t) => ({ ...resourceFields(t), ...metaField })),
    ResourceTemplate: extend('BaseMetadata', (t) => ({
      uriTemplate: z.string(),
      ...described(t),
      ...metaField,
    })),
  },
  '2025-11-25': {
    Resource: extendBase((t) => t.object('Icons').shape),
    ResourceTemplate: extendBase((t) => t.object('Icons').shape),
    ResourceRequestParams: extend('RequestParams', () => ({ uri: z.string() })),
    ReadResourceRequestParams: alias('ResourceRequestParams'),
    ReadResourceRequest: rpcRequest('resources/read', 'ReadResourceRequestParams'),
    SubscribeRequestParams: alias('ResourceRequestParams'),
    SubscribeRequest: rpcRequest('resources/subscribe', 'SubscribeRequestParams'),
    UnsubscribeRequestParams: alias('ResourceRequestParams'),
    UnsubscribeRequest: rpcRequest('resources/unsubscribe', 'UnsubscribeRequestParams'),
    ResourceUpdatedNotificationParams: extend('NotificationParams', () => ({ uri: z.string() })),
    ResourceUpdatedNotification: rpcNotification(
      'notifications/resources/updated',
      'ResourceUpdatedNotificationParams',
    ),
    ResourceListChangedNotification: rpcNotification(
      'notifications/resources/list_changed',
      optional('NotificationParams'),
    ),
  },
  '2026-07-28': {
    ReadResourceRequestParams: (t) =>
      t.object('ResourceRequestParams').extend(t.object('InputResponseRequestParams').shape),
    ReadResourceResult: extend('CacheableResult', (t) => ({
      contents: z.array(t('~ResourceContents')),
    })),
    '~ReadResourceOutcome': outcome('ReadResourceResult'),
    ReadResourceResultResponse: resultResponse('~ReadResourceOutcome'),
    ListResourcesResultResponse: resultResponse('ListResourcesResult'),
    ListResourceTemplatesResultResponse: resultResponse('ListResourceTemplatesResult'),
    SubscribeRequestParams: REMOVED,
    SubscribeRequest: REMOVED,
    UnsubscribeRequestParams: REMOVED,
    UnsubscribeRequest: REMOVED,
  },
}
