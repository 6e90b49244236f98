// What every benchmarked server child exposes to the child harness (servers/child.ts).

/** The tools every server registers, with the same behaviour. */
export const TOOL = {
  /** Returns its `text` argument: a plain JSON response. */
  echo: 'echo',
  /** Sends one progress notification, then returns its `text`: an SSE response. */
  echoProgress: 'echo_progress',
} as const

/** How a benchmark child was asked to start. */
export interface StartOptions {
  /** Session cap (servers that have one); the session benchmarks raise it. */
  readonly maxSessions: number
  /** mcpkit only: keep SSE events for `Last-Event-ID` replay (its default; the SDKs keep none). */
  readonly replay?: boolean
}

/** A running server inside a child process. */
export interface ServerHandle {
  readonly port: number
  /** Sessions the server holds right now (-1 when it does not count them). */
  sessions(): number
  /**
   * Opens `count` sessions in-process through the server's own request handler (the same code path
   * as over HTTP, without sockets); for the capacity test, where millions of HTTP round trips would
   * take too long. Resolves with the time taken.
   */
  fill?(count: number): Promise<number>
}

/** Every server kind the bench starts. */
export const SERVER_KINDS = [
  'mcpkit',
  'mcpkit-no-replay',
  'sdk-v1',
  'sdk-v2-stateful',
  'sdk-v2-stateless',
  'bare',
] as const
export type ServerKind = (typeof SERVER_KINDS)[number]
