/**
 * Multi round-trip requests (2026-07-28, SEP-2322): while a `tools/call`, `prompts/get` or
 * `resources/read` answers `input_required`, run the app's handlers for its `inputRequests` and send
 * the original request again (the wire gives it a new id) with `inputResponses`, echoing
 * `requestState` byte for byte when there is one. Bounded by `maxInputRounds`.
 *
 * @internal
 */
import type { ProtocolRevision } from '../../core/eras/versions.ts'
import { AbortError } from '../../core/errors/abort-error.ts'
import { McpkitError } from '../../core/errors/base.ts'
import { ErrorCode } from '../../core/errors/codes.ts'
import { isProtocolError } from '../../core/errors/guards.ts'
import type { JsonRpcParams } from '../../core/protocol/messages.ts'
import { resultTypeOf } from '../../core/schemas/modern.ts'
import { answerInput } from '../input-dispatch.ts'
import type { InputHandlers } from '../input-types.ts'

/** The methods that may answer `input_required`. */
export const INPUT_CAPABLE_METHODS: ReadonlySet<string> = new Set([
  'tools/call',
  'prompts/get',
  'resources/read',
])

/** What one multi-round request needs. */
export interface InputLoopOptions {
  readonly method: string
  /** The original params; every round starts from them. */
  readonly params: JsonRpcParams | undefined
  readonly maxInputRounds: number
  readonly handlers: InputHandlers
  readonly revision: () => ProtocolRevision
  readonly signal?: AbortSignal | undefined
  /** Sends one round and resolves with its validated result. */
  readonly send: (params: JsonRpcParams | undefined, round: number) => Promise<unknown>
  /** Reports each `input_required` answer. */
  readonly onInputRequired: (round: number, inputs: readonly string[]) => void
}

interface InputRequired {
  readonly inputRequests?: Readonly<Record<string, { method: string; params?: unknown }>>
  readonly requestState?: string
}

/**
 * Runs rounds until a complete result. Rejects with an `McpkitError` (`PROTOCOL`) after
 * `maxInputRounds` `input_required` answers, or when the server asks for input no handler answers.
 */
export async function runInputLoop(options: InputLoopOptions): Promise<unknown> {
  let params = options.params
  for (let round = 0; ; round++) {
    const result = await options.send(params, round)
    if (resultTypeOf(result) !== 'input_required') return result
    const { inputRequests, requestState } = result as InputRequired
    options.onInputRequired(round + 1, Object.keys(inputRequests ?? {}))
    if (round + 1 > options.maxInputRounds) {
      throw new McpkitError(
        ErrorCode.Protocol,
        `${options.method} still needed input after ${options.maxInputRounds} rounds (maxInputRounds)`,
      )
    }
    const next: Record<string, unknown> = { ...options.params }
    if (inputRequests !== undefined) next.inputResponses = await answerAll(inputRequests, options)
    if (requestState !== undefined) next.requestState = requestState
    params = next
  }
}

async function answerAll(
  inputRequests: NonNullable<InputRequired['inputRequests']>,
  options: InputLoopOptions,
): Promise<Record<string, unknown>> {
  const responses: Record<string, unknown> = {}
  const signal = options.signal ?? NEVER
  // One at a time: each may put a form or a prompt in front of the user.
  for (const [key, request] of Object.entries(inputRequests)) {
    if (signal.aborted) throw new AbortError({ operation: options.method, reason: signal.reason })
    try {
      responses[key] = await answerInput(options.handlers, {
        method: request.method,
        params: request.params ?? {},
        revision: options.revision(),
        context: { signal, era: 'modern', method: options.method },
      })
    } catch (error) {
      if (!isProtocolError(error)) throw error
      throw new McpkitError(
        ErrorCode.Protocol,
        `${options.method} needs ${request.method} input the client cannot give: ${error.message}`,
        { cause: error },
      )
    }
  }
  return responses
}

const NEVER = new AbortController().signal
