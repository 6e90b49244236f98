/**
 * What the stateless revision 2026-07-28 adds: the JSON value types, the `_meta` objects that carry
 * the protocol version, capabilities and identities, `resultType`, caching hints, multi round-trip
 * requests (`InputRequiredResult`, `inputResponses`, `requestState`), `server/discover` and
 * `subscriptions/listen`.
 */

import {
  extend,
  OptionalStringSchema,
  obj,
  oneOf,
  RequestIdSchema,
  StringListSchema,
} from './base.ts'
import * as z from './kit/index.ts'
import { SERVER_INFO_META_KEY, SUBSCRIPTION_ID_META_KEY } from './meta-keys.ts'
import type { RevisionChanges } from './registry.ts'

/**
 * The `resultType` values of the core protocol (2026-07-28). schema.ts leaves `ResultType` an open
 * string so that extensions can add values (the tasks extension adds `task`): the generic `Result`
 * accepts any string, while each complete result pins `complete`, `InputRequiredResult` pins
 * `input_required`, and a method's result schema accepts only the values that method may answer.
 */
export const RESULT_TYPES = ['complete', 'input_required'] as const

/** A core `resultType` value: `complete` or `input_required`. */
export type ResultType = (typeof RESULT_TYPES)[number]

/** `cacheScope` of a cacheable result. */
export const CacheScopeSchema = z.enum(['public', 'private'])

/**
 * The `resultType` of a result, reading a missing field as `complete` as clients MUST (a result
 * from a legacy server carries none).
 *
 * @example
 * resultTypeOf({ content: [] }) // 'complete'
 * resultTypeOf({ resultType: 'input_required', requestState: 'x' }) // 'input_required'
 */
export function resultTypeOf(result: unknown): string {
  if (typeof result !== 'object' || result === null) return 'complete'
  const value = (result as { resultType?: unknown }).resultType
  return typeof value === 'string' ? value : 'complete'
}

/** What 2026-07-28 adds or changes, by type. */
export const modernDefs: RevisionChanges = {
  '2026-07-28': {
    ResultMetaObject: (t) => obj({ [SERVER_INFO_META_KEY]: z.optional(t('Implementation')) }),
    ResultType: () => z.string(),
    CacheableResult: extend('~CompleteResult', () => ({
      ttlMs: z.int().check(z.gte(0)),
      cacheScope: CacheScopeSchema,
    })),
    '~ListResult': (t) => z.extend(t.object('PaginatedResult'), t.object('CacheableResult').shape),

    InputRequest: oneOf('method', ['CreateMessageRequest', 'ListRootsRequest', 'ElicitRequest']),
    InputRequests: (t) => z.record(z.string(), t('InputRequest')),
    InputRequiredResult: (t) =>
      z
        .extend(t.object('Result'), {
          resultType: z.literal('input_required'),
          inputRequests: z.optional(t('InputRequests')),
          requestState: OptionalStringSchema,
        })
        .check(
          z.refine(
            (result) => result.inputRequests !== undefined || result.requestState !== undefined,
            { message: 'At least one of inputRequests or requestState must be present' },
          ),
        ),

    DiscoverResult: extend('CacheableResult', (t) => ({
      supportedVersions: StringListSchema,
      capabilities: t('ServerCapabilities'),
      instructions: OptionalStringSchema,
    })),

    SubscriptionsListenResultMetaObject: extend('ResultMetaObject', () => ({
      [SUBSCRIPTION_ID_META_KEY]: RequestIdSchema,
    })),
    SubscriptionsListenResult: extend('~CompleteResult', (t) => ({
      _meta: t('SubscriptionsListenResultMetaObject'),
    })),
  },
}
