/**
 * The context every tool, prompt, resource and completion handler receives: who is asking, under
 * which revision, and how to report progress, log, and ask the client for input. The same handler
 * works in both eras: in the legacy era `elicit`/`sample`/`listRoots` send requests to the client;
 * in 2026-07-28 they become a multi round-trip request (the handler runs again on the retry).
 */
import type { ProtocolEra, ProtocolRevision } from '../../core/eras/versions.ts'
import type { JsonRpcId } from '../../core/protocol/messages.ts'
import type { SessionHandle } from '../dispatch/scope.ts'
import type {
  ElicitParams,
  ElicitResult,
  ListRootsResult,
  LoggingLevel,
  SampleParams,
  SampleResult,
} from './content-types.ts'

/** Options of a request for client input. */
export interface InputOptions {
  /**
   * 2026-07-28: the `inputRequests` key. By default keys are assigned by call order (`elicit-1`,
   * `sample-2`, …), which is stable as long as the handler asks in the same order on every run.
   */
  readonly key?: string
  /** Legacy era: fail when the client has not answered within this time. */
  readonly timeoutMs?: number
}

/** What a handler knows about the request it serves, and what it may do while serving it. */
export interface RequestContext {
  /** Aborted when the client cancels, the stream closes or the server shuts down. */
  readonly signal: AbortSignal
  readonly requestId: JsonRpcId
  readonly era: ProtocolEra
  readonly revision: ProtocolRevision
  /** The request's `_meta` (`{}` when absent). */
  readonly meta: Readonly<Record<string, unknown>>
  readonly clientCapabilities: Readonly<Record<string, unknown>>
  readonly clientInfo: Readonly<Record<string, unknown>> | undefined
  /** Legacy era: the session (log level, subscriptions); `undefined` in 2026-07-28. */
  readonly session: SessionHandle | undefined
  /**
   * Sends `notifications/progress` when the request carried a progress token; otherwise does
   * nothing. Values that do not increase are dropped (the spec requires increasing progress).
   * Never rejects.
   *
   * @example
   * await ctx.progress(50, 100, 'Half way')
   */
  progress(progress: number, total?: number, message?: string): Promise<void>
  /**
   * Sends `notifications/message` on the request's stream when `level` passes the client's level:
   * the session's `logging/setLevel` (legacy; everything until set) or the request's
   * `_meta["io.modelcontextprotocol/logLevel"]` (2026-07-28; nothing without it). Never rejects.
   */
  log(level: LoggingLevel, data: unknown, logger?: string): Promise<void>
  /**
   * Asks the client (its user) for input. Rejects when the client did not declare the
   * `elicitation` capability (2026-07-28: a `-32021` error for the whole request).
   *
   * @example
   * const answer = await ctx.elicit({ message: 'Your name?', requestedSchema: {
   *   type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } })
   */
  elicit(params: ElicitParams, options?: InputOptions): Promise<ElicitResult>
  /** Asks the client to sample its language model (`sampling` capability). */
  sample(params: SampleParams, options?: InputOptions): Promise<SampleResult>
  /** Asks the client for its roots (`roots` capability). */
  listRoots(options?: InputOptions): Promise<ListRootsResult>
  /**
   * Closes the request's SSE connection early so the client polls for the rest (legacy Streamable
   * HTTP, 2025-11-25 SSE polling): the handler keeps running, and what it sends afterwards, its
   * result included, reaches the client when it resumes with `Last-Event-ID`. Does nothing in the
   * modern era, over stdio, when the response is plain JSON, or when the server keeps no events for
   * replay (`eventStore: false`): the client could not get the rest.
   */
  closeStream(): void
}
