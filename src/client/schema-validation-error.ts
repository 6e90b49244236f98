/**
 * The one error that sits outside the `McpkitError` family on purpose (STYLE principle 7): the peer
 * answered, the transport worked, but the answer does not have the shape the protocol revision
 * defines. Branch on it with {@link isSchemaValidationError}.
 */
import type { SchemaIssue } from '../core/schemas/validate.ts'

const BRAND: unique symbol = Symbol.for('mcpkit.schema-validation-error') as never

/** What {@link SchemaValidationError} is built from. */
export interface SchemaValidationErrorInit {
  /** What was validated, e.g. `tools/call result` or `elicitation handler result`. */
  readonly subject: string
  /** The protocol revision whose schema was applied. */
  readonly revision: string
  readonly issues: readonly SchemaIssue[]
  /** The issues, readable (`result.content[0].type: …`). */
  readonly message: string
  /** The value that failed. */
  readonly value: unknown
}

/**
 * A message did not match the revision's schema: a server's result, or a value an app handler
 * returned for the server. The request that produced it is over; retrying rarely helps.
 *
 * @example
 * try { await client.callTool({ name: 'x' }) } catch (error) {
 *   if (isSchemaValidationError(error)) console.error(error.subject, error.issues)
 * }
 */
export class SchemaValidationError extends Error {
  override readonly name = 'SchemaValidationError' as const
  readonly subject: string
  readonly revision: string
  readonly issues: readonly SchemaIssue[]
  readonly value: unknown

  constructor(init: SchemaValidationErrorInit) {
    super(`Invalid ${init.subject} (${init.revision}): ${init.message}`)
    this.subject = init.subject
    this.revision = init.revision
    this.issues = init.issues
    this.value = init.value
  }

  /** Marks the error across package copies. */
  get [BRAND](): true {
    return true
  }
}

/** Whether `value` is a {@link SchemaValidationError}, also from another copy of mcpkit. */
export function isSchemaValidationError(value: unknown): value is SchemaValidationError {
  if (typeof value !== 'object' || value === null) return false
  return (
    (value as { [BRAND]?: unknown })[BRAND] === true &&
    (value as { name?: unknown }).name === 'SchemaValidationError'
  )
}
