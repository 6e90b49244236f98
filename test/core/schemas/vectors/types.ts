import {
  LEGACY_REVISIONS,
  MODERN_REVISIONS,
  PROTOCOL_REVISIONS,
  type ProtocolRevision,
} from '../../../../src/core/eras/versions.ts'

/**
 * Where a value fails: object keys and array indexes from the root of the checked value, e.g.
 * `['params', 'name']`. The empty path means the value as a whole (a union that matched no member).
 */
export type VectorPath = readonly (string | number)[]

/** A value the named type MUST accept in every listed revision. */
export interface ValidVector {
  readonly kind: 'valid'
  /** The type's name in that revision's `schema.ts`, e.g. `CallToolRequest`. */
  readonly type: string
  /** What the value shows; becomes part of the test name. */
  readonly name: string
  readonly revisions: readonly ProtocolRevision[]
  readonly value: unknown
}

/** A value the named type MUST reject in every listed revision, with the place it fails. */
export interface InvalidVector {
  readonly kind: 'invalid'
  readonly type: string
  readonly name: string
  readonly revisions: readonly ProtocolRevision[]
  readonly value: unknown
  /** The failing path an exact validator reports. */
  readonly path: VectorPath
  /**
   * Where the failure sits inside a union (content blocks, resource contents, elicitation params, …)
   * a validator may report either the union's own location (`path`) or the failing member's field
   * (`orAt`); both are exact, so either is accepted.
   */
  readonly orAt?: VectorPath
}

/** One test vector. */
export type MessageVector = ValidVector | InvalidVector

/** The fields of a valid vector once its type is known. */
export interface ValidCase {
  readonly name: string
  readonly revisions: readonly ProtocolRevision[]
  readonly value: unknown
}

/** The fields of an invalid vector once its type is known. */
export interface InvalidCase extends ValidCase {
  readonly path: VectorPath
  readonly orAt?: VectorPath
}

/**
 * Builds the vectors of one type, so a file reads as "type → valid examples, invalid examples".
 *
 * @example
 * vectorsFor('PingRequest', {
 *   valid: [{ name: 'no params', revisions: LEGACY, value: { jsonrpc: '2.0', id: 1, method: 'ping' } }],
 *   invalid: [{ name: 'wrong method', revisions: LEGACY, value: {...}, path: ['method'] }],
 * })
 */
export function vectorsFor(
  type: string,
  cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] },
): MessageVector[] {
  return [
    ...cases.valid.map((c): ValidVector => ({ kind: 'valid', type, ...c })),
    ...cases.invalid.map((c): InvalidVector => ({ kind: 'invalid', type, ...c })),
  ]
}

/** Every revision. */
export const ALL: readonly ProtocolRevision[] = PROTOCOL_REVISIONS

/** The handshake-based revisions. */
export const LEGACY: readonly ProtocolRevision[] = LEGACY_REVISIONS

/** The stateless revision(s). */
export const MODERN: readonly ProtocolRevision[] = MODERN_REVISIONS

/** `revision` and every later one. */
export function from(revision: ProtocolRevision): readonly ProtocolRevision[] {
  return PROTOCOL_REVISIONS.slice(PROTOCOL_REVISIONS.indexOf(revision))
}

/** Every revision up to and including `revision`. */
export function until(revision: ProtocolRevision): readonly ProtocolRevision[] {
  return PROTOCOL_REVISIONS.slice(0, PROTOCOL_REVISIONS.indexOf(revision) + 1)
}

/** Exactly the listed revisions. */
export function only(...revisions: ProtocolRevision[]): readonly ProtocolRevision[] {
  return revisions
}

/** Every revision except the listed ones. */
export function except(...revisions: ProtocolRevision[]): readonly ProtocolRevision[] {
  return PROTOCOL_REVISIONS.filter((r) => !revisions.includes(r))
}
