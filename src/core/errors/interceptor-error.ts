import { McpkitError, type McpkitErrorOptions } from './base.ts'
import { ErrorCode } from './codes.ts'

/** What {@link InterceptorError} is built from. */
export interface InterceptorErrorInit extends McpkitErrorOptions {
  /** The interceptor's name. */
  readonly interceptor: string
  readonly message: string
  /** `true` when the interceptor deliberately blocked the message rather than failing. */
  readonly blocked?: boolean
}

/** An interceptor threw, timed out, misused `next()`, or blocked a message. */
export class InterceptorError extends McpkitError {
  override readonly name = 'InterceptorError' as const
  declare readonly interceptor: string

  constructor(init: InterceptorErrorInit) {
    const code = init.blocked ? ErrorCode.InterceptorBlocked : ErrorCode.Interceptor
    super(code, `interceptor ${init.interceptor}: ${init.message}`, init)
    this.interceptor = init.interceptor
  }
}
