// The README text of every option, keyed by its dotted path. It is kept apart from the option tables
// (option-specs.ts and the section files) on purpose: those are what validating a section needs, and
// a browser client that only validates its own options would otherwise ship every description. Only
// the environment-variable table (env-vars.ts) reads this file. The table's type lists every leaf of
// `Config`, so `tsc` refuses a missing, misspelt or stale entry, and an option without a default
// must say what leaving it unset means.
import type { Config } from './config.ts'

/**
 * The README text of one option.
 *
 * @internal
 */
export interface OptionDoc {
  /** One line for the README's environment table. */
  readonly description: string
  /** For an option without a default: what leaving it unset means, e.g. `negotiated`. */
  readonly unset?: string
}

type Leaf = string | number | boolean | readonly unknown[]

/** `Config`'s leaf options by dotted path, each with the doc entry it needs. */
type DocEntries<TGroup, TPrefix extends string = ''> = {
  [TKey in keyof TGroup & string]-?: NonNullable<TGroup[TKey]> extends Leaf
    ? {
        [TPath in `${TPrefix}${TKey}`]: undefined extends TGroup[TKey]
          ? OptionDoc & { readonly unset: string }
          : OptionDoc
      }
    : DocEntries<NonNullable<TGroup[TKey]>, `${TPrefix}${TKey}.`>
}[keyof TGroup & string]

/** Turns a union of one-key objects into one object with every key. */
type Merge<TUnion> = (TUnion extends unknown ? (part: TUnion) => void : never) extends (
  whole: infer TWhole,
) => void
  ? { readonly [TKey in keyof TWhole]: TWhole[TKey] }
  : never

/**
 * The README text of every option, by dotted path (`client.reconnect.maxRetries`).
 *
 * @internal
 */
export const OPTION_DOCS: Merge<DocEntries<Config>> = {
  'server.name': { description: 'Name reported in serverInfo.' },
  'server.version': { description: 'Version reported in serverInfo.' },
  'server.maxClients': {
    description: 'Concurrent requests and streams; beyond it the server answers 503.',
  },
  'server.retryAfterMs': { description: 'Retry-After sent with that 503 (rounded up to seconds).' },
  'server.maxBodyBytes': { description: 'Largest request body read; larger bodies get 413.' },
  'server.allowedHosts': {
    description: 'Host header values accepted (DNS-rebinding protection).',
    unset: 'loopback names',
  },
  'server.allowedOrigins': {
    description: 'Origin header values accepted from browsers.',
    unset: 'loopback origins',
  },
  'server.cors': {
    description: 'Answer CORS preflights and expose Mcp-Session-Id to accepted origins.',
  },
  'server.corsMaxAgeMs': {
    description: 'How long browsers reuse a preflight answer (sent in seconds).',
  },
  'server.corsCredentials': {
    description:
      'Allow cookies and HTTP auth on cross-origin requests (Access-Control-Allow-Credentials).',
  },
  'server.shutdownTimeoutMs': {
    description: 'How long close() waits for in-flight work before aborting it.',
  },
  'server.sseRetryMs': { description: 'SSE retry: value sent before the server closes a stream.' },
  'server.keepAliveIntervalMs': {
    description: 'Interval of SSE keep-alive comments; 0 turns them off.',
  },
  'server.requestTimeoutMs': { description: "How long one request's handler may run." },
  'server.legacy': {
    description: 'Serve the handshake-era revisions (2024-11-05 to 2025-11-25).',
  },
  'server.legacySse': { description: 'Also serve the 2024-11-05 HTTP+SSE transport.' },
  'client.name': { description: 'Name reported in clientInfo.' },
  'client.version': { description: 'Version reported in clientInfo.' },
  'client.requestTimeoutMs': { description: 'How long to wait for a response.' },
  'client.maxTotalTimeoutMs': {
    description: 'Hard limit for one request, even with progress resets.',
  },
  'client.resetTimeoutOnProgress': {
    description: 'Restart the request timeout on each progress notification.',
  },
  'client.protocolVersion': {
    description: 'Pin one protocol revision instead of negotiating.',
    unset: 'negotiated',
  },
  'client.maxInputRounds': {
    description: 'input_required rounds one request may take (2026-07-28).',
  },
  'client.reconnect.initialDelayMs': {
    description: 'Delay before the first reconnection attempt.',
  },
  'client.reconnect.maxDelayMs': { description: 'Cap for any single reconnection delay.' },
  'client.reconnect.maxRetries': {
    description: 'Reconnection attempts in a row before giving up; 0 disables reconnection.',
  },
  'client.reconnect.backoffFactor': { description: 'Growth factor between reconnection delays.' },
  'session.idleTimeoutMs': { description: 'A session unused for this long expires.' },
  'session.maxAgeMs': { description: 'A session expires this long after it was created.' },
  'session.maxSessions': { description: 'Most sessions kept; the least recently used is evicted.' },
  'session.persistIntervalMs': {
    description: 'Flush interval of the write-behind persistence worker.',
  },
  'session.cleanupIntervalMs': { description: 'How often expired sessions are swept.' },
  'session.events.replay': {
    description: 'Keep events for Last-Event-ID replay; off, events carry no ids.',
  },
  'session.events.maxEventsPerStream': { description: 'Events kept per stream for replay.' },
  'session.events.eventTtlMs': { description: 'How long an event stays available for replay.' },
  'interceptor.timeoutMs': { description: 'How long one interceptor may take for one message.' },
  'interceptor.onError': { description: 'What a failing interceptor does to the message.' },
  'pool.maxConnections': { description: 'Most connections open at once.' },
  'pool.maxIdle': { description: 'Most idle connections kept (at most maxConnections).' },
  'pool.idleTimeoutMs': { description: 'An idle connection unused this long is closed.' },
  'pool.acquireTimeoutMs': { description: 'How long to wait for a free connection.' },
}
