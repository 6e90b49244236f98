/**
 * Runs a tool, prompt or resource handler in either era. Legacy: the handler runs once and asks the
 * client through server→client requests. 2026-07-28: the handler runs once per round; when it needs
 * input it has not got, the round ends with an `InputRequiredResult` whose signed `requestState`
 * carries the answers used so far, and the client's retry runs the handler again with them.
 */
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import { LegacyInputBroker } from './client-input.ts'
import { HandlerContext } from './handler-context.ts'
import { InputRoundCollector } from './input-round.ts'
import { type RequestStateCodec, requestBinding } from './request-state.ts'
import type { RequestScope } from './scope.ts'

/** What the runner needs from the server. */
export interface RunnerDeps {
  readonly codec: RequestStateCodec
  readonly maxInputRounds: number
  /** Whether the server declares the logging capability. */
  readonly logging: boolean
}

/** One handler run. */
export interface HandlerRun<TValue> {
  readonly scope: RequestScope
  /** The request params (`_meta`, and in 2026-07-28 `inputResponses`/`requestState`). */
  readonly params: Readonly<Record<string, unknown>>
  /** What the request is about, to bind its `requestState`: method, target, arguments. */
  readonly binding: readonly [method: string, target: string, args: unknown]
  readonly deps: RunnerDeps
  readonly run: (ctx: HandlerContext) => TValue | Promise<TValue>
}

/** How a run ended. */
export type RunOutcome<TValue> =
  | { readonly kind: 'value'; readonly value: TValue }
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'input'; readonly result: Record<string, unknown> }

const EMPTY_META: Readonly<Record<string, unknown>> = Object.freeze({})

/** The request's `_meta`, or an empty object. */
export function metaOf(
  params: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  const meta = params._meta
  return typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : EMPTY_META
}

async function settle<TValue>(run: () => TValue | Promise<TValue>): Promise<RunOutcome<TValue>> {
  try {
    return { kind: 'value', value: await run() }
  } catch (error) {
    return { kind: 'error', error }
  }
}

/** Runs the handler; see the module comment for the era differences. */
export async function runHandler<TValue>(input: HandlerRun<TValue>): Promise<RunOutcome<TValue>> {
  const { scope, params, deps } = input
  const meta = metaOf(params)
  if (scope.era === 'legacy') {
    const ctx = new HandlerContext({
      scope,
      meta,
      broker: new LegacyInputBroker(scope),
      logging: deps.logging,
    })
    return settle(() => input.run(ctx))
  }
  const state = typeof params.requestState === 'string' ? params.requestState : undefined
  const binding = state === undefined ? undefined : await requestBinding(input.binding)
  const previous =
    state === undefined || binding === undefined ? undefined : await deps.codec.open(state, binding)
  const fresh = params.inputResponses as Readonly<Record<string, unknown>> | undefined
  // Answers already used in earlier rounds win over a retry that sends the key again.
  const answers = { ...fresh, ...previous?.answers }
  const collector = new InputRoundCollector({
    revision: scope.revision,
    clientCapabilities: scope.clientCapabilities,
    answers,
  })
  const ctx = new HandlerContext({ scope, meta, broker: collector, logging: deps.logging })
  const outcome = await settle(() => input.run(ctx))
  if (collector.answerError !== undefined) throw collector.answerError
  if (outcome.kind === 'error' && collector.capabilityError !== undefined) {
    throw collector.capabilityError
  }
  if (collector.pending.size === 0) return outcome
  const round = (previous?.round ?? 0) + 1
  if (round > deps.maxInputRounds) {
    throw ProtocolError.internal(
      `The request still needs input after ${deps.maxInputRounds} rounds`,
    )
  }
  const requestState = await deps.codec.seal({
    binding: binding ?? (await requestBinding(input.binding)),
    answers: Object.fromEntries(collector.used),
    round,
  })
  return {
    kind: 'input',
    result: {
      resultType: 'input_required',
      inputRequests: Object.fromEntries(collector.pending),
      requestState,
    },
  }
}
