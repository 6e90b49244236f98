/**
 * Checks what crosses the wire against the negotiated revision's schemas before the app sees it,
 * and turns failures into {@link SchemaValidationError}s.
 */
import { isModernRevision, type ProtocolRevision } from '../core/eras/versions.ts'
import { clientSchemasFor } from '../core/schemas/client-schemas.ts'
import type { Schema } from '../core/schemas/kit/index.ts'
import { validateWith } from '../core/schemas/validate.ts'
import { SchemaValidationError } from './schema-validation-error.ts'

/**
 * Validates the result of a request this client sent. In 2026-07-28 a missing `resultType` reads as
 * `complete`, as clients MUST, so the returned value then carries it explicitly. Methods the
 * revision does not define are returned unchecked (extensions, custom methods).
 *
 * @throws {SchemaValidationError} when the result does not match.
 */
export function validateResult(
  revision: ProtocolRevision,
  method: string,
  result: unknown,
): unknown {
  const value = normalizeResult(revision, result)
  const schema = clientSchemasFor(revision).methods[method]?.result
  check(schema, value, { subject: `${method} result`, revision })
  return value
}

/**
 * Validates params the server sent with a request (legacy) or an input request (modern).
 *
 * @throws {SchemaValidationError} when they do not match.
 */
export function validateRequestParams(
  revision: ProtocolRevision,
  method: string,
  params: unknown,
): void {
  const schema = clientSchemasFor(revision).methods[method]?.params
  check(schema, params, { subject: `${method} params`, revision })
}

const INPUT_RESULT_TYPES: Readonly<Record<string, string>> = {
  'elicitation/create': 'ElicitResult',
  'sampling/createMessage': 'CreateMessageResult',
  'roots/list': 'ListRootsResult',
}

/**
 * Validates what an app handler answered for the server, so a buggy handler fails here with a
 * readable message instead of at the server.
 *
 * @throws {SchemaValidationError} when it does not match.
 */
export function validateHandlerResult(
  revision: ProtocolRevision,
  method: string,
  result: unknown,
): void {
  const { types, methods } = clientSchemasFor(revision)
  const typeName = INPUT_RESULT_TYPES[method]
  // Modern input responses are plain results (no `resultType`); legacy ones are method results.
  const schema = isModernRevision(revision)
    ? typeName === undefined
      ? undefined
      : types[typeName]
    : methods[method]?.result
  check(schema, result, { subject: `${method} handler result`, revision })
}

/** Throws the {@link SchemaValidationError} for `value` when a schema applies and refuses it. */
function check(
  schema: Schema | undefined,
  value: unknown,
  about: { readonly subject: string; readonly revision: ProtocolRevision },
): void {
  if (schema === undefined) return
  const checked = validateWith(schema, value)
  if (checked.ok) return
  throw new SchemaValidationError({
    ...about,
    issues: checked.issues,
    message: checked.message,
    value,
  })
}

function normalizeResult(revision: ProtocolRevision, result: unknown): unknown {
  if (!isModernRevision(revision)) return result
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return result
  if ('resultType' in result) return result
  return { ...result, resultType: 'complete' }
}
