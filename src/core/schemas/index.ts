/**
 * @module
 * Wire schemas for JSON-RPC 2.0 and every MCP message type and structure of revisions
 * 2024-11-05, 2025-03-26, 2025-06-18, 2025-11-25 and 2026-07-28, named as in each revision's
 * schema.ts. Internal to mcpkit: the engine, client and server validate the wire with them.
 *
 * The schemas are built with mcpkit's schema kit (`kit/`): zod's vocabulary and issue codes, no
 * dependency, validation in place without copying the value, and a few KB in a browser bundle
 * (zod/mini was ~9 KB gzip of the client). Failures are worded by `validate.ts` from the issue
 * codes, the same way for the kit's issues and for zod's (authors' tool schemas).
 *
 * Each revision is derived from the previous one (see `registry.ts`), its table is created on first
 * use and each schema is built when first read; see {@link schemasFor}. The full set
 * (`revisions.ts`) has every type and method; the client's set (`client-schemas.ts`) only the types a
 * client validates and the request methods, so client bundles leave out requests, notifications,
 * envelopes, logging and the named building blocks (`named-blocks.ts`).
 *
 * Objects are open wherever schema.json is (everywhere), and required members, literals, enums,
 * integers and number ranges follow schema.json, with these deliberate differences:
 * - `format` (`uri`, `uri-template`, `byte`) is an annotation in JSON Schema and is not asserted.
 * - 2026-07-28: each complete result pins `resultType: "complete"` and `InputRequiredResult` pins
 *   `"input_required"` and needs `inputRequests` or `requestState` (a MUST of its description), so
 *   a method's result union is decided by `resultType`. The generic `Result`, `EmptyResult` and
 *   `ResultType` accept any string, for extensions such as tasks (`"task"`).
 * - `number` where schema.ts says `number` but schema.json says `integer` through its generator:
 *   `ElicitResult.content` values; and `JSONValue` includes `null` and fractions, as in schema.ts.
 * - 2025-11-25: `ClientResult`/`ServerResult` also admit `CreateTaskResult` (the answer to a
 *   task-augmented request); the six message unions are derived from the method tables.
 */

export {
  JsonObjectSchema,
  JsonRpcVersionSchema,
  JsonValueSchema,
  LOGGING_LEVELS,
  OpenObjectSchema,
  ProgressTokenSchema,
  RequestIdSchema,
  RoleSchema,
} from './base.ts'
export {
  JsonRpcErrorObjectSchema,
  JsonRpcErrorResponseSchema,
  JsonRpcNotificationSchema,
  JsonRpcRequestSchema,
  JsonRpcResultResponseSchema,
} from './envelopes.ts'
export { LoggingLevelSchema } from './logging.ts'
export {
  BAGGAGE_META_KEY,
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  LOG_LEVEL_META_KEY,
  META_KEYS,
  type MetaKey,
  PROGRESS_TOKEN_META_KEY,
  PROTOCOL_VERSION_META_KEY,
  SERVER_INFO_META_KEY,
  SUBSCRIPTION_ID_META_KEY,
  TRACEPARENT_META_KEY,
  TRACESTATE_META_KEY,
} from './meta-keys.ts'
export { CacheScopeSchema, RESULT_TYPES, type ResultType, resultTypeOf } from './modern.ts'
export {
  type MethodSchemas,
  type RevisionSchemas,
  schemasFor,
  validate,
} from './revisions.ts'
export {
  flattenIssues,
  formatIssues,
  formatPath,
  type SchemaIssue,
  type ValidationResult,
  validateWith,
} from './validate.ts'
