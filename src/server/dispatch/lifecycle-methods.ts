/**
 * `ping` and `logging/setLevel` (legacy), and `server/discover` (2026-07-28).
 *
 * `server/discover` lists every revision the server speaks, newest first, legacy ones included: the
 * spec's own `-32022` example names `["2026-07-28", "2025-11-25"]`, a dual-era client picks a
 * modern version first and knows (by era) that a legacy one means `initialize`, and the versions
 * the transport names in a `-32022` error are then always among those discovered.
 */
import type { LoggingLevel } from '../registry/content-types.ts'
import type { MethodContext } from './method-context.ts'
import { shapeFor } from './method-context.ts'

/** `ping`: an empty result, at once. */
export function ping(): Record<string, unknown> {
  return {}
}

/** `logging/setLevel`: the session's level for later log messages. */
export function setLevel(context: MethodContext): Record<string, unknown> {
  const { session } = context.scope
  if (session !== undefined) session.logLevel = context.params.level as LoggingLevel
  return {}
}

/** `server/discover`: versions, capabilities and instructions; `serverInfo` goes in `_meta`. */
export function discover(context: MethodContext): Record<string, unknown> {
  const { catalog, scope } = context
  const description = catalog.describe(scope.revision)
  const result: Record<string, unknown> = {
    supportedVersions: [...catalog.options.supportedVersions],
    capabilities: description.capabilities,
  }
  if (description.instructions !== undefined) result.instructions = description.instructions
  return shapeFor(context, result, { method: 'server/discover' })
}
