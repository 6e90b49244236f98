/**
 * Prompts: `Prompt`, its arguments and messages, `prompts/list` and `prompts/get`.
 */

import { extend, extendBase, OpenObjectSchema, obj, outcome, RoleSchema } from './base.ts'
import * as z from './kit/index.ts'
import type { RevisionChanges } from './registry.ts'

const argumentFields = { description: z.optional(z.string()), required: z.optional(z.boolean()) }

/** Prompt types, by the revision that introduced or changed them. */
export const promptDefs: RevisionChanges = {
  '2024-11-05': {
    Prompt: (t) =>
      obj({
        name: z.string(),
        description: z.optional(z.string()),
        arguments: z.optional(z.array(t('PromptArgument'))),
      }),
    PromptArgument: () => obj({ name: z.string(), ...argumentFields }),
    PromptMessage: (t) => obj({ role: RoleSchema, content: t('~Content') }),
    ListPromptsResult: extend('~ListResult', (t) => ({ prompts: z.array(t('Prompt')) })),
    GetPromptResult: extend('~CompleteResult', (t) => ({
      description: z.optional(z.string()),
      messages: z.array(t('PromptMessage')),
    })),
  },
  '2025-06-18': {
    Prompt: extend('BaseMetadata', (t) => ({
      description: z.optional(z.string()),
      arguments: z.optional(z.array(t('PromptArgument'))),
      _meta: z.optional(OpenObjectSchema),
    })),
    PromptArgument: extend('BaseMetadata', () => argumentFields),
    PromptMessage: (t) => obj({ role: RoleSchema, content: t('ContentBlock') }),
  },
  '2025-11-25': {
    Prompt: extendBase((t) => t.object('Icons').shape),
  },
  '2026-07-28': {
    '~GetPromptOutcome': outcome('GetPromptResult'),
  },
}
