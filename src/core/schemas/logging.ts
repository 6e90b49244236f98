/**
 * Logging: the `LoggingLevel` type. Only servers (and the root `validate`) read it, in the params
 * of `logging/setLevel` and `notifications/message` and in the 2026-07-28 request `_meta`, so a
 * client's schema set leaves this file out (see `client-schemas.ts`).
 */
import { constant, LOGGING_LEVELS } from './base.ts'
import * as z from './kit/index.ts'
import type { RevisionChanges } from './registry.ts'

/** A log level (`LoggingLevel` of every revision). */
export const LoggingLevelSchema = z.enum(LOGGING_LEVELS)

/** Logging types, by the revision that introduced or changed them. */
export const loggingDefs: RevisionChanges = {
  '2024-11-05': {
    LoggingLevel: constant(LoggingLevelSchema),
  },
}
