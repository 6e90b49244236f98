import { constant, LoggingLevelSchema } from './base.ts'
import type { RevisionChanges } from './registry.ts'

/** Logging types, by the revision that introduced or changed them. */
export const loggingDefs: RevisionChanges = {
  '2024-11-05': {
    LoggingLevel: constant(LoggingLevelSchema),
  },
}
