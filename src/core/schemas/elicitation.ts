/**
 * Elicitation: `elicitation/create` with its restricted JSON Schema subset (form mode, 2025-06-18),
 * URL mode and its `-32042` error (2025-11-25), and the 2026-07-28 input-request form of both.
 */

import {
  anyOf,
  extend,
  extendBase,
  message,
  OptionalBooleanSchema,
  OptionalIntSchema,
  OptionalStringSchema,
  obj,
  rpcRequest,
  StringListSchema,
} from './base.ts'
import * as z from './kit/index.ts'
import { REMOVED, type Resolver, type RevisionChanges } from './registry.ts'

const described = { title: OptionalStringSchema, description: OptionalStringSchema }
/** The members every string and enum schema starts with. */
const stringFields = { type: z.literal('string'), ...described }
/** The enum with display names of 2025-06-18 (`LegacyTitledEnumSchema` from 2025-11-25). */
const titledEnumFields = {
  ...stringFields,
  enum: StringListSchema,
  enumNames: z.optional(StringListSchema),
}
const titledOptions = z.array(obj({ const: z.string(), title: z.string() }))
const multiSelectFields = {
  type: z.literal('array'),
  ...described,
  minItems: OptionalIntSchema,
  maxItems: OptionalIntSchema,
  default: z.optional(StringListSchema),
}
const actionSchema = z.enum(['accept', 'decline', 'cancel'])

/** The primitive schemas that are not enums. */
const SCALAR_SCHEMAS = ['StringSchema', 'NumberSchema', 'BooleanSchema']
const SINGLE_SELECT_ENUMS = ['UntitledSingleSelectEnumSchema', 'TitledSingleSelectEnumSchema']
const MULTI_SELECT_ENUMS = ['UntitledMultiSelectEnumSchema', 'TitledMultiSelectEnumSchema']
/** The members of `EnumSchema` from 2025-11-25 on. */
const ENUM_SCHEMAS = [...SINGLE_SELECT_ENUMS, ...MULTI_SELECT_ENUMS, 'LegacyTitledEnumSchema']

/** `requestedSchema`: a flat object schema of primitive properties. */
function requestedSchema(t: Resolver, withDialect: boolean) {
  return obj({
    ...(withDialect ? { $schema: OptionalStringSchema } : {}),
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
        ...stringFields,
        minLength: OptionalIntSchema,
        maxLength: OptionalIntSchema,
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
      obj({ type: z.literal('boolean'), ...described, default: OptionalBooleanSchema }),
    EnumSchema: () => obj(titledEnumFields),
    PrimitiveSchemaDefinition: anyOf([...SCALAR_SCHEMAS, 'EnumSchema']),
    ElicitRequest: message('elicitation/create', (t) =>
      obj({ message: z.string(), requestedSchema: requestedSchema(t, false) }),
    ),
    ElicitResult: extend('Result', () => resultFields(false)),
  },
  '2025-11-25': {
    StringSchema: extendBase(() => ({ default: OptionalStringSchema })),
    NumberSchema: extendBase(() => ({ default: z.optional(z.number()) })),
    UntitledSingleSelectEnumSchema: () =>
      obj({ ...stringFields, enum: StringListSchema, default: OptionalStringSchema }),
    TitledSingleSelectEnumSchema: () =>
      obj({ ...stringFields, oneOf: titledOptions, default: OptionalStringSchema }),
    SingleSelectEnumSchema: anyOf(SINGLE_SELECT_ENUMS),
    UntitledMultiSelectEnumSchema: () =>
      obj({
        ...multiSelectFields,
        items: obj({ type: z.literal('string'), enum: StringListSchema }),
      }),
    TitledMultiSelectEnumSchema: () =>
      obj({ ...multiSelectFields, items: obj({ anyOf: titledOptions }) }),
    MultiSelectEnumSchema: anyOf(MULTI_SELECT_ENUMS),
    LegacyTitledEnumSchema: () => obj({ ...titledEnumFields, default: OptionalStringSchema }),
    EnumSchema: anyOf(ENUM_SCHEMAS),
    PrimitiveSchemaDefinition: anyOf([...SCALAR_SCHEMAS, ...ENUM_SCHEMAS]),
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
