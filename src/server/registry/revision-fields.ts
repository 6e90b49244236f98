/**
 * Which optional fields each revision knows. Definitions are registered once, in the newest shape;
 * answers to an older client leave out what its revision did not define.
 */
import type { ProtocolRevision } from '../../core/eras/versions.ts'
import { ConfigError } from '../../core/errors/config-error.ts'
import { schemasFor } from '../../core/schemas/revisions.ts'
import { validateWith } from '../../core/schemas/validate.ts'
import type { Icon } from './content-types.ts'

/** Whether `revision` is `first` or later (revisions are ISO dates, so string order is release order). */
export function since(revision: ProtocolRevision, first: ProtocolRevision): boolean {
  return revision >= first
}

/** Copies `value` into `target[key]` when it is defined (pass `undefined` for fields a revision lacks). */
export function setIf(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value
}

/** Fields of `Implementation` (serverInfo) beyond `name` and `version`. */
export interface ImplementationInfo {
  readonly name: string
  readonly version: string
  readonly title?: string
  readonly description?: string
  readonly icons?: readonly Icon[]
  readonly websiteUrl?: string
}

/** `Implementation` as `revision` defines it. */
export function projectImplementation(
  info: ImplementationInfo,
  revision: ProtocolRevision,
): Record<string, unknown> {
  const out: Record<string, unknown> = { name: info.name, version: info.version }
  setIf(out, 'title', since(revision, '2025-06-18') ? info.title : undefined)
  const icons = since(revision, '2025-11-25')
  setIf(out, 'description', icons ? info.description : undefined)
  setIf(out, 'icons', icons ? info.icons : undefined)
  setIf(out, 'websiteUrl', icons ? info.websiteUrl : undefined)
  return out
}

/**
 * Checks a definition against the newest revision's schema of its type when it is registered, so
 * a bad icon or annotation fails at startup rather than in a client.
 */
export function assertValidDefinition(typeName: string, value: unknown, option: string): void {
  const schema = schemasFor('2026-07-28').types[typeName]
  if (schema === undefined) throw new Error(`No schema type ${typeName}`)
  const result = validateWith(schema, value)
  if (!result.ok) {
    throw new ConfigError({ option, value, message: `${option} is invalid: ${result.message}` })
  }
}
