/**
 * A set of revisions built from a list of concerns: each revision is assembled from the previous one
 * and the concerns' changes, and its schema table is created on first use. Only the revision asked
 * for gets a table; its schemas are built when first read, and shared with other revisions wherever
 * the definitions agree.
 *
 * Two sets exist: the full one (`revisions.ts`: every type, for servers and the root `validate`)
 * and the client's (`client-schemas.ts`: only what a client validates), so a client bundle carries
 * no definition it never reads.
 *
 * @internal
 */

import { PROTOCOL_REVISIONS, type ProtocolRevision } from '../eras/versions.ts'
import type * as z from './kit/index.ts'
import { deriveMethods, type MethodSpec, type MethodSpecs, type MethodTable } from './methods.ts'
import {
  asObject,
  type DefChanges,
  type DefTable,
  deriveDefs,
  type RevisionChanges,
  SchemaTable,
} from './registry.ts'

/** One request or notification method of a revision, as schemas. */
export interface MethodSchemas {
  readonly kind: 'request' | 'notification'
  /** Who may send it. */
  readonly from: 'client' | 'server' | 'both'
  /** Schema of the whole message {method, params} (the schema.ts *Request / *Notification type). */
  readonly message: z.Schema
  /** Schema of `params` alone (accepts undefined where params are optional). */
  readonly params: z.Schema
  /**
   * For requests: schema of the result (a union where several result shapes are allowed, e.g.
   * complete or input_required in 2026-07-28).
   */
  readonly result?: z.Schema
}

/** The schemas of one revision. */
export interface RevisionSchemas {
  readonly revision: ProtocolRevision
  /**
   * Every type of the revision's schema.ts that describes a message or a structure, by its schema.ts
   * name, e.g. 'JSONRPCRequest', 'CallToolRequest', 'CallToolResult', 'Tool', 'InitializeRequest',
   * 'DiscoverResult', 'InputRequiredResult', 'HeaderMismatchError' ... Names exactly as in that
   * revision's schema.ts (if a revision renamed a type, use that revision's name).
   */
  readonly types: Readonly<Record<string, z.Schema>>
  /** Method table: every request and notification method of the revision. */
  readonly methods: Readonly<Record<string, MethodSchemas>>
}

/** How a set is made. */
export interface SchemaSetOptions {
  /** The concerns' changes, applied in order for each revision. */
  readonly concerns: readonly RevisionChanges[]
  /** The method tables whose methods the set has, applied in order for each revision. */
  readonly methods: readonly MethodTable[]
  /** Types derived from each revision's method table (the six message unions of the full set). */
  readonly derived?: (methods: MethodSpecs) => DefChanges
}

/** The revisions of one set, each built on first use. */
export interface SchemaSet {
  /** The schema table of `revision`, created on first use. */
  tableFor(revision: ProtocolRevision): SchemaTable
  /** The {@link RevisionSchemas} of `revision`, created on first use. */
  schemasFor(revision: ProtocolRevision): RevisionSchemas
  /** The revisions whose tables exist so far (for laziness checks). */
  builtRevisions(): ProtocolRevision[]
}

/** Internal helper types (unions shared by several types) start with this; `types` omits them. */
const INTERNAL_PREFIX = '~'

interface Assembly {
  readonly defs: DefTable
  readonly methods: MethodSpecs
}

/** Whether `name` is a public schema.ts type of `table`. */
export function isPublicType(table: SchemaTable, name: string): boolean {
  return !name.startsWith(INTERNAL_PREFIX) && table.has(name)
}

/** An enumerable property that builds its schema when first read. */
function lazy(get: () => z.Schema): PropertyDescriptor {
  return { enumerable: true, get }
}

/** A frozen record whose properties build their schema when first read. */
function lazyTypes(table: SchemaTable): Readonly<Record<string, z.Schema>> {
  const types: Record<string, z.Schema> = {}
  for (const name of table.names()) {
    if (name.startsWith(INTERNAL_PREFIX)) continue
    Object.defineProperty(
      types,
      name,
      lazy(() => table.get(name)),
    )
  }
  return Object.freeze(types)
}

/** A method's schemas, each built when first read. */
function lazyMethod(table: SchemaTable, spec: MethodSpec): MethodSchemas {
  const { message, result } = spec
  const method = { kind: spec.kind, from: spec.from } as MethodSchemas
  Object.defineProperties(method, {
    message: lazy(() => table.get(message)),
    params: lazy(() => asObject(table.get(message), message).shape.params as z.Schema),
    ...(result === undefined ? {} : { result: lazy(() => table.get(result)) }),
  })
  return Object.freeze(method)
}

/**
 * Creates a set of revisions from `options.concerns`. Nothing is assembled or built until a
 * revision is asked for.
 */
export function createSchemaSet(options: SchemaSetOptions): SchemaSet {
  const assemblies = new Map<ProtocolRevision, Assembly>()
  const tables = new Map<ProtocolRevision, SchemaTable>()
  const revisions = new Map<ProtocolRevision, RevisionSchemas>()

  const assemble = (revision: ProtocolRevision): Assembly => {
    const cached = assemblies.get(revision)
    if (cached !== undefined) return cached
    const index = PROTOCOL_REVISIONS.indexOf(revision)
    const previous = index > 0 ? PROTOCOL_REVISIONS[index - 1] : undefined
    const parent = previous === undefined ? undefined : assemble(previous)
    const methods = deriveMethods(parent?.methods ?? {}, revision, options.methods)
    const changes = options.concerns
      .map((concern) => concern[revision])
      .filter((change): change is DefChanges => change !== undefined)
    if (options.derived !== undefined) changes.push(options.derived(methods))
    const assembly = { defs: deriveDefs(parent?.defs, changes), methods }
    assemblies.set(revision, assembly)
    return assembly
  }

  const tableFor = (revision: ProtocolRevision): SchemaTable => {
    let table = tables.get(revision)
    if (table === undefined) {
      if (!PROTOCOL_REVISIONS.includes(revision)) {
        throw new Error(`Unknown MCP revision "${String(revision)}"`)
      }
      table = new SchemaTable(assemble(revision).defs, `MCP revision ${revision}`)
      tables.set(revision, table)
    }
    return table
  }

  const schemasFor = (revision: ProtocolRevision): RevisionSchemas => {
    let schemas = revisions.get(revision)
    if (schemas === undefined) {
      const table = tableFor(revision)
      const methods: Record<string, MethodSchemas> = {}
      for (const [name, spec] of Object.entries(assemble(revision).methods)) {
        methods[name] = lazyMethod(table, spec)
      }
      schemas = Object.freeze({
        revision,
        types: lazyTypes(table),
        methods: Object.freeze(methods),
      })
      revisions.set(revision, schemas)
    }
    return schemas
  }

  return { tableFor, schemasFor, builtRevisions: () => [...tables.keys()] }
}
