/**
 * The modern protocol version a client speaks, and the `-32022 UnsupportedProtocolVersion` retry:
 * the server lists what it supports in `data.supported`, the client picks the newest version both
 * speak and sends the request again, once.
 *
 * @internal
 */
import { pickProtocolVersion, readSupportedVersions } from '../../core/eras/negotiate.ts'
import { MODERN_REVISIONS, type ModernRevision } from '../../core/eras/versions.ts'
import { isProtocolError } from '../../core/errors/guards.ts'

/** The version in use, and whether the app pinned it. */
export interface VersionState {
  current: ModernRevision
  readonly pinned: boolean
}

/**
 * The version to retry with after `error`, or `undefined` when `error` is not a `-32022` or no
 * modern version is mutual. A pinned client retries only with its pinned version.
 */
export function retryVersion(error: unknown, state: VersionState): ModernRevision | undefined {
  if (!isProtocolError(error)) return undefined
  const offered = readSupportedVersions(error)
  if (offered === undefined) return undefined
  const supported = state.pinned ? [state.current] : MODERN_REVISIONS
  return pickProtocolVersion({ offered, supported }) as ModernRevision | undefined
}

/**
 * The newest modern version both sides speak, given the versions the server offered; `fallback`
 * when it offered none (then the client's offer stands).
 */
export function mutualVersion(
  offered: readonly string[] | undefined,
  fallback: ModernRevision,
): ModernRevision | undefined {
  if (offered === undefined) return fallback
  return pickProtocolVersion({ offered, supported: MODERN_REVISIONS }) as ModernRevision | undefined
}

/**
 * Runs `attempt` with the current version; after a `-32022` naming a mutual version, switches to it
 * and runs `attempt` once more.
 */
export async function withVersionRetry<TResult>(
  state: VersionState,
  attempt: (version: ModernRevision) => Promise<TResult>,
  onRetry: () => void,
): Promise<TResult> {
  try {
    return await attempt(state.current)
  } catch (error) {
    const next = retryVersion(error, state)
    if (next === undefined) throw error
    state.current = next
    onRetry()
    return attempt(next)
  }
}
