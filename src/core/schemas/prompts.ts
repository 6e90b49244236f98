/**
 * Prompts: `Prompt`, its arguments and messages, `prompts/list` and `prompts/get`.
 */

import {
  extend,
  metaField,
  OptionalBooleanSchema,
  OptionalStringSchema,
  obj,
  outcome,
  RoleSchema,
  withIcons,
} from './base.ts'
import * as z from './kit/index.ts'
import type { RevisionChanges } from './registry.ts'

const argumentFields = { description: OptionalStringSchema, required: OptionalBooleanSchema }

/** Prompt types, by the revision that introduced or changed them. */
export const promptDefs: RevisionChanges = {
  '2024-11-05': {
    Prompt: (t) =>
      obj({
        name: z.string(),
        description: OptionalStringSchema,
        arguments: z.optional(z.array(t('PromptArgument'))),
      }),
    PromptArgument: () => obj({ name: z.string(), ...argumentFields }),
    PromptMessage: (t) => obj({ role: RoleSchema, content: t('~Content') }),
    ListPromptsResult: extend('~ListResult', (t) => ({ prompts: z.array(t('Prompt')) })),
    GetPromptResult: extend('~CompleteResult', (t) => ({
      description: OptionalStringSchema,
      messages: z.array(t('PromptMessage')),
    })),
  },
  '2025-06-18': {
    Prompt: extend('BaseMetadata', (t) => ({
      description: OptionalStringSchema,
      arguments: z.optional(z.array(t('PromptArgument'))),
      ...metaField,
    })),
    PromptArgument: extend('BaseMetadata', () => argumentFields),
    PromptMessage: (t) => obj({ role: RoleSchema, content: t('ContentBlock') }),
  },
  '2025-11-25': {
    Prompt: withIcons,
  },
  '2026-07-28': {
    '~GetPromptOutcome': outcome('GetPromptResult'),
  },
}
