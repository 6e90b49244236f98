/**
 * Completion: `completion/complete` and the references it completes against.
 */

import { extend, OptionalBooleanSchema, OptionalIntSchema, obj, StringListSchema } from './base.ts'
import * as z from './kit/index.ts'
import type { RevisionChanges } from './registry.ts'

/** `CompleteResult` with at most `maxValues` values (schema.json states the cap from 2026-07-28). */
function completeResult(maxValues: number | undefined) {
  return extend('~CompleteResult', () => {
    const values =
      maxValues === undefined ? StringListSchema : StringListSchema.check(z.maxLength(maxValues))
    return {
      completion: obj({
        values,
        total: OptionalIntSchema,
        hasMore: OptionalBooleanSchema,
      }),
    }
  })
}

/** Completion types, by the revision that introduced or changed them. */
export const completionDefs: RevisionChanges = {
  '2024-11-05': {
    CompleteResult: completeResult(undefined),
  },
  '2026-07-28': {
    CompleteResult: completeResult(100),
  },
}
