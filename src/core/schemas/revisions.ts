/**
 * The full schema set: every type and method of each revision, for servers and the root `validate`.
 * Each revision is assembled from the previous one on first use and its schemas are built when first
 * read (see `schema-set.ts`); clients use the smaller set of `client-schemas.ts`.
 */
import type { ProtocolRevision } from '../eras/versions.ts'
import { CLIENT_READ_CONCERNS } from './client-schemas.ts'
import { envelopeDefs } from './envelopes.ts'
import { loggingDefs } from './logging.ts'
import { REQUEST_METHODS, unionDefs } from './methods.ts'
import { namedBlockDefs } from './named-blocks.ts'
import { NOTIFICATION_METHODS } from './notification-methods.ts'
import { notificationDefs } from './notifications.ts'
import type { SchemaTable } from './registry.ts'
import { requestDefs } from './requests.ts'
import { createSchemaSet, isPublicType, type RevisionSchemas } from './schema-set.ts'
import { type ValidationResult, validateWith } from './validate.ts'

export type { MethodSchemas, RevisionSchemas } from './schema-set.ts'

const fullSet = createSchemaSet({
  concerns: [
    ...CLIENT_READ_CONCERNS,
    namedBlockDefs,
    loggingDefs,
    requestDefs,
    notificationDefs,
    envelopeDefs,
  ],
  methods: [REQUEST_METHODS, NOTIFICATION_METHODS],
  derived: unionDefs,
})

/** The schema table of `revision` in the full set, created on first use. */
export function tableFor(revision: ProtocolRevision): SchemaTable {
  return fullSet.tableFor(revision)
}

/** The revisions whose full tables exist so far (for laziness checks). */
export function builtRevisions(): ProtocolRevision[] {
  return fullSet.builtRevisions()
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
  return fullSet.schemasFor(revision)
}

/**
 * Validates `value` as the schema.ts type `typeName` of `revision`; never throws for bad data.
 * Throws an `Error` only when the revision has no type of that name.
 *
 * @example
 * validate('2026-07-28', 'CallToolRequest', message)
 * // { ok: false, issues: [...], message: 'params.arguments: expected object, received string' }
 */
export function validate(
  revision: ProtocolRevision,
  typeName: string,
  value: unknown,
): ValidationResult {
  const table = tableFor(revision)
  if (!isPublicType(table, typeName)) {
    throw new Error(`MCP revision ${revision} has no schema type "${typeName}"`)
  }
  return validateWith(table.get(typeName), value)
}
