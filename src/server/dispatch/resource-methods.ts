/**
 * `resources/list`, `resources/templates/list`, `resources/read`, and the legacy
 * `resources/subscribe`/`resources/unsubscribe` (2026-07-28 subscribes through
 * `subscriptions/listen`, which the transport serves).
 */

import type { ProtocolRevision } from '../../core/eras/versions.ts'
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import type { MaybePromise } from '../../core/maybe-promise.ts'
import { schemasFor } from '../../core/schemas/revisions.ts'
import { validateWith } from '../../core/schemas/validate.ts'
import type { CacheHint, ReadResult, ResourceContentsInput } from '../registry/content-types.ts'
import type { ListedResource, ResourceReader } from '../registry/definition-types.ts'
import { paginate } from '../registry/pagination.ts'
import { projectResource, type TemplateEntry } from '../registry/resource-entry.ts'
import {
  asProtocolError,
  invalidResult,
  type MethodContext,
  runnerDeps,
  shapeFor,
} from './method-context.ts'
import { runHandler } from './run-handler.ts'
import { resourceNotFound } from './shape-result.ts'

function listed(
  context: MethodContext,
  key: 'resources' | 'resourceTemplates',
  items: readonly Record<string, unknown>[],
): Record<string, unknown> {
  const page = paginate(
    items,
    context.params.cursor as string | undefined,
    context.catalog.options.pageSize,
  )
  const result: Record<string, unknown> = { [key]: page.items }
  if (page.nextCursor !== undefined) result.nextCursor = page.nextCursor
  return result
}

/**
 * `resources/list`: the static resources in registration order, then what each template with a
 * `list` callback lists (templates in registration order). Without such templates, synchronous.
 */
export function listResources(context: MethodContext): MaybePromise<Record<string, unknown>> {
  const statics = context.catalog.resources.projected(context.scope.revision)
  const listing = [...context.catalog.templates.values()].filter(
    (entry) => entry.definition.list !== undefined,
  )
  const answer = (items: readonly Record<string, unknown>[]) =>
    shapeFor(context, listed(context, 'resources', items), { method: 'resources/list' })
  if (listing.length === 0) return answer(statics)
  return listedByTemplates(context, listing).then((dynamic) => answer([...statics, ...dynamic]))
}

/** What the templates' `list` callbacks give, as `Resource`s of the request's revision. */
async function listedByTemplates(
  context: MethodContext,
  entries: readonly TemplateEntry[],
): Promise<Record<string, unknown>[]> {
  const { revision, signal } = context.scope
  const schema = schemasFor(revision).types.Resource
  const out: Record<string, unknown>[] = []
  for (const entry of entries) {
    const label = `The list of resource template ${entry.template.template}`
    let items: unknown
    try {
      items = await entry.definition.list?.({ signal })
    } catch (error) {
      throw asProtocolError(context, 'resources/list', error)
    }
    if (!Array.isArray(items)) {
      const error = new Error(`${label} returned ${typeof items}, not an array`)
      throw asProtocolError(context, 'resources/list', error)
    }
    for (const item of items as readonly ListedResource[]) {
      const projected = projectListed(entry, item, revision)
      const checked = schema === undefined ? undefined : validateWith(schema, projected)
      if (checked !== undefined && !checked.ok) {
        const error = new Error(`${label} gave an invalid resource: ${checked.message}`)
        throw asProtocolError(context, 'resources/list', error)
      }
      out.push(projected)
    }
  }
  return out
}

/** A listed resource as a `Resource`, with the template's `mimeType` when it names none. */
function projectListed(
  entry: TemplateEntry,
  item: ListedResource,
  revision: ProtocolRevision,
): Record<string, unknown> {
  if (typeof item !== 'object' || item === null) return { value: item }
  const mimeType = item.mimeType ?? entry.definition.mimeType
  const definition = mimeType === undefined ? item : { ...item, mimeType }
  return projectResource({ uri: item.uri, definition, read: entry.read }, revision)
}

/** `resources/templates/list`: the resource templates, in registration order. */
export function listTemplates(context: MethodContext): Record<string, unknown> {
  const items = context.catalog.templates.projected(context.scope.revision)
  return shapeFor(context, listed(context, 'resourceTemplates', items), {
    method: 'resources/templates/list',
  })
}

interface ReadTarget {
  readonly read: ResourceReader
  readonly variables: Readonly<Record<string, string>>
  readonly mimeType: string | undefined
  readonly cache: CacheHint | undefined
}

/** The static resource at `uri`, else the first template (in registration order) matching it. */
function findTarget(context: MethodContext, uri: string): ReadTarget | undefined {
  const resource = context.catalog.resources.get(uri)
  if (resource !== undefined) {
    const { mimeType, cache } = resource.definition
    return { read: resource.read, variables: {}, mimeType, cache }
  }
  for (const entry of context.catalog.templates.values()) {
    const variables = entry.template.match(uri)
    if (variables === undefined) continue
    const { mimeType, cache } = entry.definition
    return { read: entry.read, variables, mimeType, cache }
  }
  return undefined
}

/** Fills in `uri` (the URI read) and `mimeType` (the definition's) where contents omit them. */
function completeContents(
  contents: readonly ResourceContentsInput[],
  uri: string,
  mimeType: string | undefined,
): Record<string, unknown>[] {
  return contents.map((item) => {
    const filled: Record<string, unknown> = { uri, ...item }
    if (filled.mimeType === undefined && mimeType !== undefined) filled.mimeType = mimeType
    return filled
  })
}

function toReadResult(
  raw: Exclude<ReadResult, undefined>,
  target: ReadTarget,
  uri: string,
): Record<string, unknown> {
  if (Array.isArray(raw)) return { contents: completeContents(raw, uri, target.mimeType) }
  const { contents, _meta } = raw as Exclude<ReadResult, undefined | readonly unknown[]>
  const result: Record<string, unknown> = {
    contents: completeContents(contents ?? [], uri, target.mimeType),
  }
  if (_meta !== undefined) result._meta = _meta
  return result
}

/** `resources/read`: not found is `-32002` up to 2025-11-25 and `-32602` (with `data.uri`) after. */
export async function readResource(context: MethodContext): Promise<Record<string, unknown>> {
  const { scope, params } = context
  const uri = params.uri as string
  const target = findTarget(context, uri)
  if (target === undefined) throw resourceNotFound(uri, scope.revision)
  const outcome = await runHandler({
    scope,
    params,
    binding: ['resources/read', uri, {}],
    deps: runnerDeps(context),
    run: (ctx) => target.read({ uri, variables: target.variables }, ctx),
  })
  if (outcome.kind === 'input') return shapeFor(context, outcome.result)
  if (outcome.kind === 'error') throw asProtocolError(context, 'resources/read', outcome.error)
  if (outcome.value === undefined || outcome.value === null) {
    throw resourceNotFound(uri, scope.revision)
  }
  const result = shapeFor(context, toReadResult(outcome.value, target, uri), {
    method: 'resources/read',
    item: target.cache,
  })
  const invalid = invalidResult(context, 'resources/read', result)
  if (invalid === undefined) return result
  const error = new Error(`resources/read of ${uri} produced an invalid result: ${invalid}`)
  throw asProtocolError(context, 'resources/read', error)
}

/** The session's subscriptions (stdio and HTTP sessions alike). */
function subscriptions(context: MethodContext): Set<string> {
  const session = context.scope.session
  if (session === undefined) {
    throw ProtocolError.invalidRequest('resources/subscribe needs a session')
  }
  return session.subscriptions
}

/** `resources/subscribe` (legacy): remembers the URI in the session. */
export function subscribe(context: MethodContext): Record<string, unknown> {
  subscriptions(context).add(context.params.uri as string)
  return {}
}

/** `resources/unsubscribe` (legacy): forgets the URI. */
export function unsubscribe(context: MethodContext): Record<string, unknown> {
  subscriptions(context).delete(context.params.uri as string)
  return {}
}
