/**
 * The MCP protocol revisions mcpkit speaks, and which era each belongs to.
 *
 * Legacy revisions use the `initialize` handshake and (over HTTP) `Mcp-Session-Id` sessions;
 * the modern revision is stateless and carries its version in every request's `_meta`.
 */

/** Handshake-based revisions, oldest first. */
export const LEGACY_REVISIONS = ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25'] as const

/** Stateless revisions, oldest first. */
export const MODERN_REVISIONS = ['2026-07-28'] as const

/** Every revision mcpkit implements, oldest first. */
export const PROTOCOL_REVISIONS = [...LEGACY_REVISIONS, ...MODERN_REVISIONS] as const

/** A handshake-based revision. */
export type LegacyRevision = (typeof LEGACY_REVISIONS)[number]

/** A stateless revision. */
export type ModernRevision = (typeof MODERN_REVISIONS)[number]

/** Any revision mcpkit implements. */
export type ProtocolRevision = LegacyRevision | ModernRevision

/** The two protocol eras. */
export type ProtocolEra = 'legacy' | 'modern'

/** The newest revision overall. */
export const LATEST_REVISION: ModernRevision = '2026-07-28'

/** The newest handshake-based revision. */
export const LATEST_LEGACY_REVISION: LegacyRevision = '2025-11-25'

/**
 * The pre-release revision some old clients still send. It has no schema of its own;
 * mcpkit reads it with the `2024-11-05` rules.
 */
export const PRE_RELEASE_REVISION = '2024-10-07'

/** Whether `value` names a revision mcpkit implements. */
export function isProtocolRevision(value: unknown): value is ProtocolRevision {
  return isLegacyRevision(value) || isModernRevision(value)
}

/** Whether `value` names a handshake-based revision. */
export function isLegacyRevision(value: unknown): value is LegacyRevision {
  return (LEGACY_REVISIONS as readonly unknown[]).includes(value)
}

/** Whether `value` names a stateless revision. */
export function isModernRevision(value: unknown): value is ModernRevision {
  return (MODERN_REVISIONS as readonly unknown[]).includes(value)
}

/** The era a revision belongs to. */
export function eraOf(revision: ProtocolRevision): ProtocolEra {
  return isModernRevision(revision) ? 'modern' : 'legacy'
}

/**
 * Maps a version string from the wire to the revision whose rules apply, or `undefined` when
 * mcpkit does not speak it. `2024-10-07` reads as `2024-11-05`.
 */
export function revisionRules(version: string): ProtocolRevision | undefined {
  if (version === PRE_RELEASE_REVISION) return '2024-11-05'
  return isProtocolRevision(version) ? version : undefined
}
