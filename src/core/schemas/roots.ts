/**
 * Roots: `roots/list` and its list-changed notification. A server-to-client request up to
 * 2025-11-25; an input request of `InputRequiredResult` in 2026-07-28, which also drops the
 * notification.
 */

import {
  extend,
  extendBase,
  LegacyRequestParamsSchema,
  message,
  metaField,
  OptionalStringSchema,
  obj,
  optional,
  rpcRequest,
} from './base.ts'
import * as z from './kit/index.ts'
import type { RevisionChanges } from './registry.ts'

/** Root types, by the revision that introduced or changed them. */
export const rootDefs: RevisionChanges = {
  '2024-11-05': {
    Root: () => obj({ uri: z.string(), name: OptionalStringSchema }),
    ListRootsRequest: message('roots/list', () => z.optional(LegacyRequestParamsSchema)),
    ListRootsResult: extend('Result', (t) => ({ roots: z.array(t('Root')) })),
  },
  '2025-06-18': {
    Root: extendBase(() => metaField),
  },
  '2025-11-25': {
    ListRootsRequest: rpcRequest('roots/list', optional('RequestParams')),
  },
  '2026-07-28': {
    ListRootsRequest: message('roots/list', () => z.optional(obj(metaField))),
    ListRootsResult: (t) => obj({ roots: z.array(t('Root')) }),
  },
}
