/**
 * Elicitation: `elicitation/create` with its restricted JSON Schema subset (form mode, 2025-06-18),
 * URL mode and its `-32042` error (2025-11-25), and the 2026-07-28 input-request form of both.
 */

import { anyOf, extend, extendBase, message, obj, rpcRequest, StringListSchema } from './base.ts'
import * as z from './kit/index.ts'
import { REMOVED, type Resolver, type RevisionChanges } from './registry.ts'

const optionalString = z.optional(z.string())
const described = { title: optionalString, description: optionalString }
const titledOptions = z.array(obj({ const: z.string(), title: z.string() }))
const multiSelectFields = {
  type: z.literal('array'),
  ...described,
  minItems: z.optional(z.int()),
  maxItems: z.optional(z.int()),
  default: z.optional(StringListSchema),
}
const actionSchema = z.enum(['accept', 'decline', 'cancel'])

/** `requestedSchema`: a flat object schema of primitive properties. */
function requestedSchema(t: Resolver, withDialect: boolean) {
  return obj({
    ...(withDialect ? { $schema: optionalString } : {}),
    type: z.literal('object'),
    properties: z.record(z.string(), t('PrimitiveSchemaDefinition')),
    required: z.optional(StringListSchema),
  })
}

/** Form-mode params beside the request params they extend. */
function formFields(t: Resolver) {
  return {
    mode: z.optional(z.literal('form')),
    message: z.string(),
    requestedSchema: requestedSchema(t, true),
  }
}

/**
 * `ElicitResult` fields; `content` values are strings, numbers, booleans (and string lists). Numbers
 * follow schema.ts (`number`): schema.json says `integer` only because its generator maps a plain
 * TypeScript `number` to `integer`, which would refuse a `NumberSchema` answer such as `1.85`.
 */
function resultFields(withLists: boolean) {
  const scalar = [z.string(), z.number(), z.boolean()] as const
  const value = withLists ? z.union([...scalar, StringListSchema]) : z.union(scalar)
  return { action: actionSchema, content: z.optional(z.record(z.string(), value)) }
}

const urlFields = { mode: z.literal('url'), message: z.string(), url: z.string() }

/** Elicitation types, by the revision that introduced or changed them. */
export const elicitationDefs: RevisionChanges = {
  '2025-06-18': {
    StringSchema: () =>
      obj({
        type: z.literal('string'),
        ...described,
        minLength: z.optional(z.int()),
        maxLength: z.optional(z.int()),
        format: z.optional(z.enum(['email', 'uri', 'date', 'date-time'])),
      }),
    NumberSchema: () =>
      obj({
        type: z.enum(['number', 'integer']),
        ...described,
        minimum: z.optional(z.number()),
        maximum: z.optional(z.number()),
      }),
    BooleanSchema: () =>
      obj({ type: z.literal('boolean'), ...described, default: z.optional(z.boolean()) }),
    EnumSchema: () =>
      obj({
        type: z.literal('string'),
        ...described,
        enum: StringListSchema,
        enumNames: z.optional(StringListSchema),
      }),
    PrimitiveSchemaDefinition: anyOf([
      'StringSchema',
      'NumberSchema',
      'BooleanSchema',
      'EnumSchema',
    ]),
    ElicitRequest: message('elicitation/create', (t) =>
      obj({ message: z.string(), requestedSchema: requestedSchema(t, false) }),
    ),
    ElicitResult: extend('Result', () => resultFields(false)),
  },
  '2025-11-25': {
    StringSchema: extendBase(() => ({ default: optionalString })),
    NumberSchema: extendBase(() => ({ default: z.optional(z.number()) })),
    UntitledSingleSelectEnumSchema: () =>
      obj({
        type: z.literal('string'),
        ...described,
        enum: StringListSchema,
        default: optionalString,
      }),
    TitledSingleSelectEnumSchema: () =>
      obj({
        type: z.literal('string'),
        ...described,
        oneOf: titledOptions,
        default: optionalString,
      }),
    SingleSelectEnumSchema: anyOf([
      'UntitledSingleSelectEnumSchema',
      'TitledSingleSelectEnumSchema',
    ]),
    UntitledMultiSelectEnumSchema: () =>
      obj({
        ...multiSelectFields,
        items: obj({ type: z.literal('string'), enum: StringListSchema }),
      }),
    TitledMultiSelectEnumSchema: () =>
      obj({ ...multiSelectFields, items: obj({ anyOf: titledOptions }) }),
    MultiSelectEnumSchema: anyOf(['UntitledMultiSelectEnumSchema', 'TitledMultiSelectEnumSchema']),
    LegacyTitledEnumSchema: () =>
      obj({
        type: z.literal('string'),
        ...described,
        enum: StringListSchema,
        enumNames: z.optional(StringListSchema),
        default: optionalString,
      }),
    EnumSchema: anyOf([
      'UntitledSingleSelectEnumSchema',
      'TitledSingleSelectEnumSchema',
      'UntitledMultiSelectEnumSchema',
      'TitledMultiSelectEnumSchema',
      'LegacyTitledEnumSchema',
    ]),
    PrimitiveSchemaDefinition: anyOf([
      'StringSchema',
      'NumberSchema',
      'BooleanSchema',
      'UntitledSingleSelectEnumSchema',
      'TitledSingleSelectEnumSchema',
      'UntitledMultiSelectEnumSchema',
      'TitledMultiSelectEnumSchema',
      'LegacyTitledEnumSchema',
    ]),
    ElicitRequestFormParams: extend('TaskAugmentedRequestParams', formFields),
    ElicitRequestURLParams: extend('TaskAugmentedRequestParams', () => ({
      ...urlFields,
      elicitationId: z.string(),
    })),
    ElicitRequestParams: anyOf(['ElicitRequestFormParams', 'ElicitRequestURLParams']),
    ElicitRequest: rpcRequest('elicitation/create', 'ElicitRequestParams'),
    ElicitResult: extend('Result', () => resultFields(true)),
    /** What `elicitation/create` answers: the result, or a task when the request asked for one. */
    '~ElicitOutcome': anyOf(['ElicitResult', 'CreateTaskResult']),
  },
  '2026-07-28': {
    ElicitRequestFormParams: (t) => obj(formFields(t)),
    ElicitRequestURLParams: () => obj(urlFields),
    ElicitRequest: message('elicitation/create', 'ElicitRequestParams'),
    ElicitResult: () => obj(resultFields(true)),
    '~ElicitOutcome': REMOVED,
  },
}
