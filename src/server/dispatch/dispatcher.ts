/**
 * MCP method dispatch for both eras: `(method, params, scope)` → result. A method is served when
 * the request's revision defines it as a client request and the server declares its feature;
 * anything else is `-32601` (so `ping`, `logging/setLevel` and `resources/subscribe` are unknown in
 * 2026-07-28, and `tools/list` is unknown on a server without tools). Params are validated against
 * the revision's schema (`-32602` naming the bad field) before any handler runs.
 */
import type { ProtocolRevision } from '../../core/eras/versions.ts'
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import type { MaybePromise } from '../../core/maybe-promise.ts'
import { type MethodSchemas, schemasFor } from '../../core/schemas/revisions.ts'
import { validateWith } from '../../core/schemas/validate.ts'
import type { ResolvedFeatures } from '../registry/capabilities.ts'
import type { Catalog } from '../registry/catalog.ts'
import { complete } from './completion-method.ts'
import { discover, ping, setLevel } from './lifecycle-methods.ts'
import type { MethodHandler } from './method-context.ts'
import { getPrompt, listPrompts } from './prompt-methods.ts'
import { RequestStateCodec } from './request-state.ts'
import {
  listResources,
  listTemplates,
  readResource,
  subscribe,
  unsubscribe,
} from './resource-methods.ts'
import type { NotificationScope, RequestScope } from './scope.ts'
import { callTool, listTools } from './tool-methods.ts'

type Feature = (features: ResolvedFeatures) => boolean

const always: Feature = () => true
const tools: Feature = (features) => features.tools !== undefined
const resources: Feature = (features) => features.resources !== undefined
const prompts: Feature = (features) => features.prompts !== undefined

/** Whether `subscriptions/listen` has anything to deliver. */
const listenable: Feature = (features) =>
  features.tools?.listChanged === true ||
  features.prompts?.listChanged === true ||
  features.resources?.listChanged === true ||
  features.resources?.subscribe === true

const METHODS = new Map<string, { readonly feature: Feature; readonly handle: MethodHandler }>([
  ['ping', { feature: always, handle: ping }],
  ['server/discover', { feature: always, handle: discover }],
  ['logging/setLevel', { feature: (features) => features.logging, handle: setLevel }],
  ['completion/complete', { feature: (features) => features.completions, handle: complete }],
  ['tools/list', { feature: tools, handle: listTools }],
  ['tools/call', { feature: tools, handle: callTool }],
  ['resources/list', { feature: resources, handle: listResources }],
  ['resources/templates/list', { feature: resources, handle: listTemplates }],
  ['resources/read', { feature: resources, handle: readResource }],
  [
    'resources/subscribe',
    { feature: (features) => features.resources?.subscribe === true, handle: subscribe },
  ],
  [
    'resources/unsubscribe',
    { feature: (features) => features.resources?.subscribe === true, handle: unsubscribe },
  ],
  ['prompts/list', { feature: prompts, handle: listPrompts }],
  ['prompts/get', { feature: prompts, handle: getPrompt }],
])

/** Methods the transport serves itself, and when they exist. */
const TRANSPORT_METHODS = new Map<string, Feature>([
  ['initialize', always],
  ['subscriptions/listen', listenable],
])

/** The revision's definition of a method a client may send, if any. */
function clientMethod(method: string, revision: ProtocolRevision): MethodSchemas | undefined {
  const { methods } = schemasFor(revision)
  if (!Object.hasOwn(methods, method)) return undefined
  const spec = methods[method]
  return spec === undefined || spec.from === 'server' ? undefined : spec
}

/** Serves requests and notifications against a catalog. */
export class Dispatcher {
  readonly #catalog: Catalog
  readonly #codec: RequestStateCodec

  constructor(catalog: Catalog) {
    this.#catalog = catalog
    this.#codec = new RequestStateCodec({
      secret: catalog.options.requestStateSecret,
      ttlMs: catalog.options.requestStateTtlMs,
    })
  }

  /** Whether a client may send `method` to this server in `revision`. */
  hasMethod(method: string, revision: ProtocolRevision): boolean {
    const spec = clientMethod(method, revision)
    if (spec === undefined) return false
    if (spec.kind === 'notification') return true
    const feature = METHODS.get(method)?.feature ?? TRANSPORT_METHODS.get(method)
    return feature?.(this.#catalog.features()) === true
  }

  /** Serves one request (any method but `initialize` and `subscriptions/listen`). */
  async dispatch(
    method: string,
    params: Readonly<Record<string, unknown>> | undefined,
    scope: RequestScope,
  ): Promise<Readonly<Record<string, unknown>>> {
    return this.dispatchNow(method, params, scope)
  }

  /**
   * {@link Dispatcher.dispatch} without the promise when the handler answers at once: the result,
   * or a promise of it; failures are thrown (or reject the promise).
   */
  dispatchNow(
    method: string,
    params: Readonly<Record<string, unknown>> | undefined,
    scope: RequestScope,
  ): MaybePromise<Readonly<Record<string, unknown>>> {
    const spec = clientMethod(method, scope.revision)
    const entry = METHODS.get(method)
    if (spec?.kind !== 'request' || !this.hasMethod(method, scope.revision)) {
      throw ProtocolError.methodNotFound(method)
    }
    if (entry === undefined) {
      throw method === 'initialize'
        ? ProtocolError.invalidRequest(
            'initialize starts a session and is handled by the transport',
          )
        : ProtocolError.internal(`${method} is served by the transport`)
    }
    const checked = validateWith(spec.params, params)
    if (!checked.ok) {
      throw ProtocolError.invalidParams(`Invalid params for ${method}: ${checked.message}`)
    }
    const validated = (checked.value ?? {}) as Readonly<Record<string, unknown>>
    return entry.handle({ catalog: this.#catalog, codec: this.#codec, scope, params: validated })
  }

  /** Hands a client notification to `onNotification`; never throws. */
  dispatchNotification(
    method: string,
    params: Readonly<Record<string, unknown>> | undefined,
    scope: NotificationScope,
  ): void {
    try {
      this.#catalog.options.onNotification?.(method, params, scope)
    } catch (error) {
      this.#catalog.report(error, { phase: 'notification', method })
    }
  }
}
