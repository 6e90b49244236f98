/**
 * Runs a tool, prompt or resource handler in either era. Legacy: the handler runs once and asks the
 * client through server→client requests. 2026-07-28: the handler runs once per round; when it needs
 * input it has not got, the round ends with an `InputRequiredResult` whose signed `requestState`
 * carries the answers used so far, and the client's retry runs the handler again with them.
 */
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import { isPromiseLike, type MaybePromise } from '../../core/maybe-promise.ts'
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

function valueOutcome<TValue>(value: TValue): RunOutcome<TValue> {
  return { kind: 'value', value }
}

function errorOutcome<TValue>(error: unknown): RunOutcome<TValue> {
  return { kind: 'error', error }
}

/** Runs `run(ctx)` and reports how it ended; synchronous when `run` is. */
function settle<TValue>(
  run: (ctx: HandlerContext) => MaybePromise<TValue>,
  ctx: HandlerContext,
): MaybePromise<RunOutcome<TValue>> {
  let value: MaybePromise<TValue>
  try {
    value = run(ctx)
  } catch (error) {
    return errorOutcome(error)
  }
  if (!isPromiseLike(value)) return valueOutcome(value)
  return Promise.resolve(value).then(valueOutcome<TValue>, errorOutcome<TValue>)
}

/**
 * Runs the handler; see the module comment for the era differences. A legacy handler that returns
 * at once is run without a promise.
 */
export function runHandler<TValue>(input: HandlerRun<TValue>): MaybePromise<RunOutcome<TValue>> {
  const { scope, params, deps } = input
  const meta = metaOf(params)
  if (scope.era === 'legacy') {
    const ctx = new HandlerContext({
      scope,
      meta,
      broker: new LegacyInputBroker(scope),
      logging: deps.logging,
    })
    return settle(input.run, ctx)
  }
  return runModernHandler(input, meta)
}

/** What earlier rounds left: their answers and round number, from the signed `requestState`. */
interface Opened {
  readonly binding: Awaited<ReturnType<typeof requestBinding>> | undefined
  readonly previous: Awaited<ReturnType<RequestStateCodec['open']>> | undefined
}

const FIRST_ROUND: Opened = { binding: undefined, previous: undefined }

/** 2026-07-28: one round; synchronous for a first round whose handler needs no input. */
function runModernHandler<TValue>(
  input: HandlerRun<TValue>,
  meta: Readonly<Record<string, unknown>>,
): MaybePromise<RunOutcome<TValue>> {
  const state = input.params.requestState
  if (typeof state !== 'string') return runRound(input, { meta, opened: FIRST_ROUND })
  return openState(input, state).then((opened) => runRound(input, { meta, opened }))
}

async function openState<TValue>(input: HandlerRun<TValue>, state: string): Promise<Opened> {
  const binding = await requestBinding(input.binding)
  const previous = binding === undefined ? undefined : await input.deps.codec.open(state, binding)
  return { binding, previous }
}

function runRound<TValue>(
  input: HandlerRun<TValue>,
  round: { meta: Readonly<Record<string, unknown>>; opened: Opened },
): MaybePromise<RunOutcome<TValue>> {
  const { scope, params, deps } = input
  const fresh = params.inputResponses as Readonly<Record<string, unknown>> | undefined
  const previous = round.opened.previous
  // Answers already used in earlier rounds win over a retry that sends the key again.
  const answers = previous === undefined ? { ...fresh } : { ...fresh, ...previous.answers }
  const collector = new InputRoundCollector({
    revision: scope.revision,
    clientCapabilities: scope.clientCapabilities,
    answers,
  })
  const ctx = new HandlerContext({
    scope,
    meta: round.meta,
    broker: collector,
    logging: deps.logging,
  })
  const outcome = settle(input.run, ctx)
  const ended = { collector, opened: round.opened }
  if (isPromiseLike(outcome)) return outcome.then((settled) => endRound(input, ended, settled))
  return endRound(input, ended, outcome)
}

function endRound<TValue>(
  input: HandlerRun<TValue>,
  ended: { collector: InputRoundCollector; opened: Opened },
  outcome: RunOutcome<TValue>,
): MaybePromise<RunOutcome<TValue>> {
  const { collector } = ended
  if (collector.answerError !== undefined) throw collector.answerError
  if (outcome.kind === 'error' && collector.capabilityError !== undefined) {
    throw collector.capabilityError
  }
  if (collector.pending.size === 0) return outcome
  const round = (ended.opened.previous?.round ?? 0) + 1
  if (round > input.deps.maxInputRounds) {
    throw ProtocolError.internal(
      `The request still needs input after ${input.deps.maxInputRounds} rounds`,
    )
  }
  return sealRound(input, { collector, round, binding: ended.opened.binding })
}

async function sealRound<TValue>(
  input: HandlerRun<TValue>,
  sealed: {
    collector: InputRoundCollector
    round: number
    binding: Opened['binding']
  },
): Promise<RunOutcome<TValue>> {
  const { collector } = sealed
  const requestState = await input.deps.codec.seal({
    binding: sealed.binding ?? (await requestBinding(input.binding)),
    answers: Object.fromEntries(collector.used),
    round: sealed.round,
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
