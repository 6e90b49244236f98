/**
 * The schemas a client validates with: results of the requests it sends, params of the requests a
 * server sends it (legacy) or asks of it through `input_required` (modern), and what its handlers
 * answer. Built from the concerns that hold those types only, and from the request methods alone, so
 * a client bundle leaves out the request, notification and envelope definitions and the
 * notification methods that only a server (or the root `validate`) reads; every type this set
 * defines is the same definition as in the full set.
 *
 * @internal
 */
import type { ProtocolRevision } from '../eras/versions.ts'
import { completionDefs } from './completion.ts'
import { contentDefs } from './content.ts'
import { elicitationDefs } from './elicitation.ts'
import { jsonRpcDefs } from './json-rpc.ts'
import { lifecycleDefs } from './lifecycle.ts'
import { REQUEST_METHODS } from './methods.ts'
import { modernDefs } from './modern.ts'
import { promptDefs } from './prompts.ts'
import { REMOVED, type RevisionChanges } from './registry.ts'
import { resourceDefs } from './resources.ts'
import { rootDefs } from './roots.ts'
import { samplingDefs } from './sampling.ts'
import { createSchemaSet, type RevisionSchemas } from './schema-set.ts'
import { taskDefs } from './tasks.ts'
import { toolDefs } from './tools.ts'
import { utilityDefs } from './utilities.ts'

/**
 * The concerns that define what a client reads (structures, results, server→client requests); the
 * full set adds named building blocks, logging, client requests, notifications and envelopes
 * after them.
 */
export const CLIENT_READ_CONCERNS: readonly RevisionChanges[] = [
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
  completionDefs,
  taskDefs,
  modernDefs,
]

/**
 * In 2026-07-28 a server sends a client no requests, so a client reads no request params; their
 * definitions there need the request `_meta` object, which only the full set defines. Left out,
 * rather than listed in `types` and throwing when read.
 */
const clientOnly: RevisionChanges = {
  '2026-07-28': {
    RequestParams: REMOVED,
    PaginatedRequestParams: REMOVED,
    PaginatedRequest: REMOVED,
  },
}

const clientSet = createSchemaSet({
  concerns: [...CLIENT_READ_CONCERNS, clientOnly],
  methods: [REQUEST_METHODS],
})

/**
 * The client's schemas of `revision`: every request method's `result`, the `params` of requests a
 * server sends, and the types those use (`ElicitResult`, `InputRequiredResult`, …). A request the
 * client only sends has no `params` schema here (reading it throws), and notification methods are
 * not listed; use `schemasFor` for those.
 *
 * @example
 * const schema = clientSchemasFor('2026-07-28').methods['tools/call']?.result
 */
export function clientSchemasFor(revision: ProtocolRevision): RevisionSchemas {
  return clientSet.schemasFor(revision)
}
