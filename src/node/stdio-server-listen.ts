/**
 * `subscriptions/listen` over stdio (2026-07-28). There is no stream per request on stdio: the
 * listen request simply stays unanswered while it is open. It is acknowledged at once with the
 * honoured filter; later notifications carry its id in `_meta` so the client can tell the streams
 * apart. The client ends it with `notifications/cancelled` (no response follows); the server ends
 * it when stopping, with a `complete` result.
 */
import { ProtocolError } from '../core/errors/protocol-error.ts'
import type { RequestContext } from '../core/protocol/request-context.ts'
import { schemasFor } from '../core/schemas/revisions.ts'
import { validateWith } from '../core/schemas/validate.ts'
import type { RequestMeta } from '../server/modern/meta.ts'
import type { SubscriptionFilter } from '../server/registry/server-registry.ts'
import type { StdioContext } from './stdio-server-requests.ts'
import { tag } from './stdio-server-state.ts'

const METHOD = 'subscriptions/listen'

/** A listen request to serve. */
export interface ListenInput {
  readonly request: RequestContext
  readonly meta: RequestMeta
}

/**
 * Opens a listen stream; resolves with its closing result when the server stops, and rejects (no
 * response is sent) when the client cancels it.
 *
 * @internal
 */
export function serveListen(
  context: StdioContext,
  input: ListenInput,
): Promise<Readonly<Record<string, unknown>>> {
  const { request, meta } = input
  const { server, state } = context
  if (!server.hasMethod(METHOD, meta.protocolVersion)) throw ProtocolError.methodNotFound(METHOD)
  const schema = schemasFor(meta.protocolVersion).methods[METHOD]?.params
  const checked = schema === undefined ? undefined : validateWith(schema, request.params)
  if (checked !== undefined && !checked.ok) {
    throw ProtocolError.invalidParams(`Invalid params for ${METHOD}: ${checked.message}`)
  }
  const requested = (request.params?.notifications ?? {}) as SubscriptionFilter
  const honoured = server.listenFilter(requested)
  const id = request.requestId
  const signal = request.signal
  if (signal.aborted) return Promise.reject(signal.reason)
  // Queued before the stream is registered, so nothing on this subscription can precede it.
  request
    .notify('notifications/subscriptions/acknowledged', { _meta: tag(id), notifications: honoured })
    .then(undefined, ignore)
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      remove()
      reject(signal.reason)
    }
    const remove = state.addListen(id, {
      honoured,
      end: () => {
        signal.removeEventListener('abort', onAbort)
        resolve({ resultType: 'complete', _meta: tag(id) })
      },
    })
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

function ignore(): void {
  // The connection closed; the stream ends with it.
}
