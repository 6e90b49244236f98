import { ERROR_BRAND } from './brand.ts'
import type { ErrorCode } from './codes.ts'

/** Options every mcpkit error accepts. */
export interface McpkitErrorOptions {
  /** The underlying failure, kept for debugging. */
  readonly cause?: unknown
}

/**
 * The base of every error mcpkit throws. `code` is a stable string to branch on; `cause` holds the
 * underlying failure. Use the `is*Error` guards rather than `instanceof`: they also recognise errors
 * from another copy of the package.
 *
 * @example
 * try { await client.callTool({ name: 'x' }) } catch (error) {
 *   if (isMcpkitError(error)) console.error(error.code, error.message)
 * }
 */
export class McpkitError extends Error {
  override readonly name: string = 'McpkitError'
  // Throughout the family, fields the constructor assigns are `declare`d: the assignments create
  // them, in declaration order, with no field definition running before.
  /** A stable machine-readable code. */
  declare readonly code: ErrorCode

  constructor(code: ErrorCode, message: string, options: McpkitErrorOptions = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined)
    this.code = code
  }

  /** Marks the error as mcpkit's for {@link hasBrand}, across package copies. */
  get [ERROR_BRAND](): true {
    return true
  }
}
