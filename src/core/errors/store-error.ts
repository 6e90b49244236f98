import { McpkitError, type McpkitErrorOptions } from './base.ts'
import { ErrorCode } from './codes.ts'

/** What {@link StoreError} is built from. */
export interface StoreErrorInit extends McpkitErrorOptions {
  /** The store's name, e.g. `memory`, `idb`, `redis`. */
  readonly store: string
  /** The operation that failed, e.g. `get`, `set`. */
  readonly operation: string
  readonly message?: string
  /** `true` when the backend is unreachable rather than refusing this one call. */
  readonly unavailable?: boolean
}

/** A session or event store failed or went away. */
export class StoreError extends McpkitError {
  override readonly name = 'StoreError' as const
  declare readonly store: string
  declare readonly operation: string

  constructor(init: StoreErrorInit) {
    const code = init.unavailable ? ErrorCode.StoreUnavailable : ErrorCode.Store
    const detail =
      init.message ?? (init.unavailable ? 'store unavailable' : 'store operation failed')
    super(code, `${init.store} store ${init.operation}: ${detail}`, init)
    this.store = init.store
    this.operation = init.operation
  }
}
