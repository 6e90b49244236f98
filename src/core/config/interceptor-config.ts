import { choiceOption, durationOption, group } from './option-specs.ts'
import { parseGroup } from './parse-group.ts'

/**
 * What the chain does when an interceptor throws or times out: `'fail'` ends the message with an
 * `InterceptorError`; `'skip'` passes the message on as if that interceptor were absent.
 */
export type InterceptorErrorPolicy = 'fail' | 'skip'

/**
 * Interceptor-chain settings as you pass them: every field is optional and falls back to its
 * default.
 *
 * @example
 * const interceptor = resolveInterceptorConfig({ timeoutMs: 2000, onError: 'skip' })
 */
export interface InterceptorConfigInput {
  /**
   * How long one interceptor may take for one message before it counts as failed.
   * @default 5000
   */
  readonly timeoutMs?: number | undefined
  /**
   * What a failing interceptor does to the message. The default fails closed, so a broken
   * authorization interceptor never lets a message through.
   * @default 'fail'
   */
  readonly onError?: InterceptorErrorPolicy | undefined
}

/** Interceptor-chain settings after defaults: see {@link InterceptorConfigInput}. */
export interface InterceptorConfig {
  /** @default 5000 */
  readonly timeoutMs: number
  /** @default 'fail' */
  readonly onError: InterceptorErrorPolicy
}

const ERROR_POLICIES = ['fail', 'skip'] as const satisfies readonly InterceptorErrorPolicy[]

/** The interceptor section's options. @internal */
export const interceptorOptions = group({
  timeoutMs: durationOption({ min: 1, timer: true, default: 5000 }),
  onError: choiceOption({ values: ERROR_POLICIES, default: 'fail' }),
})

/**
 * Validates interceptor-chain settings and fills in defaults.
 *
 * @throws {ConfigError} naming the option (`interceptor.onError`) and the refused value.
 */
export function resolveInterceptorConfig(input: InterceptorConfigInput = {}): InterceptorConfig {
  const resolved = parseGroup(interceptorOptions, input, {
    path: ['interceptor'],
  })
  return resolved
}
