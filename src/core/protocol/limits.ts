/**
 * Shared limits and the validators that check them once, when an engine or transport is created.
 */
import { type ConfigError, optionError } from '../errors/config-error.ts'

/** The default cap on one incoming message: 16 MiB, room for large tool results with images. */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024

/**
 * The largest delay `setTimeout` honours (2^31 - 1 ms, about 24.8 days). Browsers and Node turn
 * anything larger into an immediate timer, so every duration that ends up as a timer is capped
 * here.
 */
export const MAX_TIMER_MS = 2_147_483_647

/**
 * Checks a size or duration option: a positive integer, or `Infinity` for "no limit" when `allowInfinity`
 * is set. Fails with a {@link ConfigError} that names the option and the value.
 *
 * @internal
 */
export function checkLimit(option: string, value: number, allowInfinity: boolean): number {
  if (value === Number.POSITIVE_INFINITY && allowInfinity) return value
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw optionError(option, value, `a positive integer${allowInfinity ? ' or Infinity' : ''}`)
  }
  return value
}

/**
 * Checks a timeout: a positive integer no longer than `setTimeout` allows, or `Infinity` for none.
 *
 * @internal
 */
export function checkTimeout(option: string, value: number): number {
  checkLimit(option, value, true)
  if (value !== Number.POSITIVE_INFINITY && value > MAX_TIMER_MS) {
    throw optionError(option, value, `at most ${MAX_TIMER_MS} ms or Infinity`)
  }
  return value
}
