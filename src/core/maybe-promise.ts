/**
 * Values that are ready now or later. The request hot path stays synchronous while everything it
 * calls is (a tool that returns a string, a schema that validates synchronously) and only turns
 * into promises where something really waits: every `await` costs a promise, a suspended frame and
 * a microtask, which add up to a good part of a small request's CPU time.
 */

/** A value now, or a promise of it. */
export type MaybePromise<TValue> = TValue | Promise<TValue>

/** Whether `value` is a thenable (a promise from any realm or library). */
export function isPromiseLike<TValue>(value: MaybePromise<TValue>): value is Promise<TValue> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}
