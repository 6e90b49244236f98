/**
 * Assembles each revision from the previous one and the concerns' changes, and builds its schema
 * table on first use. Only the revision asked for gets a table; its schemas are built when first
 * read, and shared with other revisions wherever the definitions agree.
 */
import type * as z from 'zod'
import { PROTOCOL_REVISIONS, type ProtocolRevision } from '../eras/versions.ts'
import { completionDefs } from './completion.ts'
import { contentDefs } from './content.ts'
import { elicitationDefs } from './elicitation.ts'
import { jsonRpcDefs } from './json-rpc.ts'
import { lifecycleDefs } from './lifecycle.ts'
import { loggingDefs } from './logging.ts'
import { deriveMethods, type MethodSpec, type MethodSpecs, unionDefs } from './methods.ts'
import { modernDefs } from './modern.ts'
import { promptDefs } from './prompts.ts'
import {
  asObject,
  type DefChanges,
  type DefTable,
  deriveDefs,
  type RevisionChanges,
  SchemaTable,
} from './registry.ts'
import { resourceDefs } from './resources.ts'
import { rootDefs } from './roots.ts'
import { samplingDefs } from './sampling.ts'
import { taskDefs } from './tasks.ts'
import { toolDefs } from './tools.ts'
import { utilityDefs } from './utilities.ts'

/** One request or notification method of a revision, as schemas. */
export interface MethodSchemas {
  readonly kind: 'request' | 'notification'
  /** Who may send it. */
  readonly from: 'client' | 'server' | 'both'
  /** Schema of the whole message {method, params} (the schema.ts *Request / *Notification type). */
  readonly message: z.ZodType
  /** Schema of `params` alone (accepts undefined where params are optional). */
  readonly params: z.ZodType
  /**
   * For requests: schema of the result (a union where several result shapes are allowed, e.g.
   * complete or input_required in 2026-07-28).
   */
  readonly result?: z.ZodType
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
  readonly types: Readonly<Record<string, z.ZodType>>
  /** Method table: every request and notification method of the revision. */
  readonly methods: Readonly<Record<string, MethodSchemas>>
}

const CONCERNS: readonly RevisionChanges[] = [
  jsonRpcDefs,
  lifecycleDefs,
  utilityDefs,
  contentDefs,
  resourceDefs,
  promptDefs,
  toolDefs,
  samplingDefs,
  elicitationDefs,
  rootDefs,
  loggingDefs,
  completionDefs,
  taskDefs,
  modernDefs,
]

/** Internal helper types (unions shared by several types) start with this; `types` omits them. */
const INTERNAL_PREFIX = '~'

interface Assembly {
  readonly defs: DefTable
  readonly methods: MethodSpecs
}

const assemblies = new Map<ProtocolRevision, Assembly>()
const tables = new Map<ProtocolRevision, SchemaTable>()
const revisions = new Map<ProtocolRevision, RevisionSchemas>()

/** The definitions and methods of `revision`: its predecessor's, with its own changes applied. */
function assemble(revision: ProtocolRevision): Assembly {
  const cached = assemblies.get(revision)
  if (cached !== undefined) return cached
  const index = PROTOCOL_REVISIONS.indexOf(revision)
  const previous = index > 0 ? PROTOCOL_REVISIONS[index - 1] : undefined
  const parent = previous === undefined ? undefined : assemble(previous)
  const methods = deriveMethods(parent?.methods ?? {}, revision)
  const changes = CONCERNS.map((concern) => concern[revision]).filter(
    (change): change is DefChanges => change !== undefined,
  )
  const assembly = { defs: deriveDefs(parent?.defs, [...changes, unionDefs(methods)]), methods }
  assemblies.set(revision, assembly)
  return assembly
}

/** The schema table of `revision`, created on first use. */
export function tableFor(revision: ProtocolRevision): SchemaTable {
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

/** The revisions whose tables exist so far (for laziness checks). */
export function builtRevisions(): ProtocolRevision[] {
  return [...tables.keys()]
}

/** Whether `name` is a public schema.ts type of `table`. */
export function isPublicType(table: SchemaTable, name: string): boolean {
  return !name.startsWith(INTERNAL_PREFIX) && table.has(name)
}

/** A frozen record whose properties build their schema when first read. */
function lazyTypes(table: SchemaTable): Readonly<Record<string, z.ZodType>> {
  const types: Record<string, z.ZodType> = {}
  for (const name of table.names()) {
    if (name.startsWith(INTERNAL_PREFIX)) continue
    Object.defineProperty(types, name, { enumerable: true, get: () => table.get(name) })
  }
  return Object.freeze(types)
}

/** A method's schemas, each built when first read. */
function lazyMethod(table: SchemaTable, spec: MethodSpec): MethodSchemas {
  const method = { kind: spec.kind, from: spec.from } as MethodSchemas
  const { result } = spec
  Object.defineProperties(method, {
    message: { enumerable: true, get: () => table.get(spec.message) },
    params: {
      enumerable: true,
      get: () => asObject(table.get(spec.message), spec.message).shape.params as z.ZodType,
    },
    ...(result === undefined ? {} : { result: { enumerable: true, get: () => table.get(result) } }),
  })
  return Object.freeze(method)
}

/** Builds the {@link RevisionSchemas} of `revision` (its schemas stay unbuilt until read). */
function build(revision: ProtocolRevision): RevisionSchemas {
  const table = tableFor(revision)
  const methods: Record<string, MethodSchemas> = {}
  for (const [name, spec] of Object.entries(assemble(revision).methods)) {
    methods[name] = lazyMethod(table, spec)
  }
  return Object.freeze({ revision, types: lazyTypes(table), methods: Object.freeze(methods) })
}

/**
 * The schemas of `revision`. Built on first use and cached; a revision's schemas are built only
 * when read, so a server that speaks one revision never builds another's.
 *
 * @example
 * const { methods } = schemasFor('2026-07-28')
 * methods['tools/call'].params.safeParse(request.params)
 */
export function schemasFor(revision: ProtocolRevision): RevisionSchemas {
  let schemas = revisions.get(revision)
  if (schemas === undefined) {
    schemas = build(revision)
    revisions.set(revision, schemas)
  }
  return schemas
}
