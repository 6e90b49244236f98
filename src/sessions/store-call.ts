// Every store call goes through here: it gets a deadline (a store that hangs, such as a Redis client
// queueing commands while offline, must not hang the manager) and anything it throws becomes a
// StoreError naming the store and the operation.
import { MAX_TIMER_MS } from '../core/config/option-specs.ts'
import type { Environment } from '../core/environment.ts'
import { isStoreError } from '../core/errors/guards.ts'
import { StoreError } from '../core/errors/store-error.ts'

/** How store calls are run. @internal */
export interface StoreCallContext {
  readonly environment: Environment
  /** Deadline of one call, or of one batch of calls; `Infinity` for none (a store in this process). */
  readonly timeoutMs: number
  /** The store's name for errors. */
  readonly store: string
}

/** One store call of a batch. @internal */
export interface StoreTask {
  readonly operation: string
  run(): Promise<unknown>
}

/**
 * Validates a `storeTimeoutMs` option.
 *
 * @throws {RangeError} unless it is a number from 1 to {@link MAX_TIMER_MS}
 * @internal
 */
export function resolveStoreTimeoutMs(value: number | undefined): number {
  const timeoutMs = value ?? 5000
  if (typeof timeoutMs !== 'number' || !(timeoutMs >= 1 && timeoutMs <= MAX_TIMER_MS)) {
    throw new RangeError(
      `The \`storeTimeoutMs\` option must be a number from 1 to ${MAX_TIMER_MS}, got ${timeoutMs}`,
    )
  }
  return timeoutMs
}

/** Wraps anything a store threw into a {@link StoreError}. @internal */
export function toStoreError(
  error: unknown,
  at: { readonly store: string; readonly operation: string },
): StoreError {
  if (isStoreError(error)) return error
  const message = error instanceof Error ? error.message : String(error)
  return new StoreError({ store: at.store, operation: at.operation, message, cause: error })
}

function timeoutError(context: StoreCallContext, operation: string): StoreError {
  return new StoreError({
    store: context.store,
    operation,
    unavailable: true,
    message: `no answer within ${context.timeoutMs} ms`,
  })
}

/** Calls `run`, turning a synchronous throw into a rejection. */
function invoke<TValue>(run: () => Promise<TValue>): Promise<TValue> {
  try {
    return Promise.resolve(run())
  } catch (error) {
    return Promise.reject(error)
  }
}

/**
 * Runs one store call within the deadline.
 *
 * @throws {StoreError} when the store fails or does not answer in time
 * @internal
 */
export async function callStore<TValue>(
  operation: string,
  run: () => Promise<TValue>,
  context: StoreCallContext,
): Promise<TValue> {
  const [result] = await settle([{ operation, run }], context)
  const [error, value] = result ?? []
  if (error !== undefined) throw error
  return value as TValue
}

/**
 * Runs `tasks` concurrently under one shared deadline (one timer for the whole batch) and reports,
 * per task, `[StoreError]` on failure or `[undefined, value]` on success. Never rejects.
 *
 * @internal
 */
export async function settle(
  tasks: readonly StoreTask[],
  context: StoreCallContext,
): Promise<Array<readonly [StoreError | undefined, unknown?]>> {
  const results: Array<readonly [StoreError | undefined, unknown?] | undefined> = tasks.map(
    () => undefined,
  )
  const all = Promise.all(
    tasks.map((task, index) =>
      invoke(() => task.run()).then(
        (value) => {
          results[index] = [undefined, value]
        },
        (error: unknown) => {
          results[index] = [
            toStoreError(error, { store: context.store, operation: task.operation }),
          ]
        },
      ),
    ),
  )
  if (Number.isFinite(context.timeoutMs)) {
    let timer: unknown
    const deadline = new Promise<void>((resolve) => {
      timer = context.environment.setTimeout(resolve, context.timeoutMs)
    })
    await Promise.race([all, deadline])
    context.environment.clearTimeout(timer)
  } else {
    await all
  }
  return tasks.map((task, index) => results[index] ?? [timeoutError(context, task.operation)])
}
