/**
 * Every schema test vector, written from the spec's `schema/<rev>/schema.ts` and `schema.json`
 * (never from mcpkit's own schemas), so the two can check each other.
 */
import { ELICITATION_VECTORS } from './elicitation.ts'
import { JSON_RPC_VECTORS } from './json-rpc.ts'
import { LIFECYCLE_VECTORS } from './lifecycle.ts'
import { MODERN_VECTORS } from './modern.ts'
import { MODERN_ERROR_VECTORS } from './modern-errors.ts'
import { MODERN_RESPONSE_VECTORS } from './modern-responses.ts'
import { NOTIFICATION_VECTORS } from './notifications.ts'
import { PROMPT_VECTORS } from './prompts.ts'
import { RESOURCE_VECTORS } from './resources.ts'
import { ROOT_VECTORS } from './roots.ts'
import { SAMPLING_VECTORS } from './sampling.ts'
import { TASK_VECTORS } from './tasks.ts'
import { TOOL_CALL_VECTORS } from './tool-calls.ts'
import { TOOL_VECTORS } from './tools.ts'
import type { MessageVector } from './types.ts'
import { UTILITY_VECTORS } from './utilities.ts'

export { absentTypes, MESSAGE_TYPE_GROUPS, messageTypes } from './message-types.ts'
export { METHOD_OF, METHODS } from './methods.ts'
export type { InvalidVector, MessageVector, ValidVector, VectorPath } from './types.ts'

/** All vectors, grouped by area in this order. */
export const ALL_VECTORS: readonly MessageVector[] = [
  ...JSON_RPC_VECTORS,
  ...LIFECYCLE_VECTORS,
  ...NOTIFICATION_VECTORS,
  ...UTILITY_VECTORS,
  ...TOOL_VECTORS,
  ...TOOL_CALL_VECTORS,
  ...RESOURCE_VECTORS,
  ...PROMPT_VECTORS,
  ...SAMPLING_VECTORS,
  ...ROOT_VECTORS,
  ...ELICITATION_VECTORS,
  ...TASK_VECTORS,
  ...MODERN_VECTORS,
  ...MODERN_ERROR_VECTORS,
  ...MODERN_RESPONSE_VECTORS,
]
