// Argument checks shared by every store, so memory, IndexedDB and Redis refuse the same inputs with the
// same messages.

/**
 * Throws a `RangeError` unless `ttlMs` is a positive finite number: TTLs are never off.
 *
 * @internal
 */
export function assertTtl(ttlMs: number, option = 'ttlMs'): void {
  if (typeof ttlMs !== 'number' || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(
      `The \`${option}\` argument must be a positive finite number, got ${ttlMs}`,
    )
  }
}

/**
 * Throws a `RangeError` unless `value` is an integer >= 1.
 *
 * @internal
 */
export function assertPositiveInteger(value: number, option: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`The \`${option}\` option must be an integer >= 1, got ${value}`)
  }
}

/**
 * Serialises `value` as JSON, or throws a `TypeError` when it has no JSON form (`undefined`, a
 * function, a symbol). Cycles and BigInts throw JSON.stringify's own `TypeError`.
 *
 * @internal
 */
export function toJson(value: unknown, what: string): string {
  const json = JSON.stringify(value)
  if (json === undefined) throw new TypeError(`The ${what} is not JSON-serialisable`)
  return json
}
