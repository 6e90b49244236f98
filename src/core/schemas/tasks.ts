/**
 * Tasks (experimental, 2025-11-25 only): task-augmented requests, `tasks/get`, `tasks/result`,
 * `tasks/list`, `tasks/cancel` and `notifications/tasks/status`. 2026-07-28 moves tasks into the
 * `io.modelcontextprotocol/tasks` extension, outside the core schema.
 */

import {
  extend,
  OptionalIntSchema,
  OptionalStringSchema,
  obj,
  paginatedRequest,
  rpcRequest,
} from './base.ts'
import * as z from './kit/index.ts'
import { type DefChanges, REMOVED, type RevisionChanges, type TypeDef } from './registry.ts'

const taskIdParams = () => obj({ taskId: z.string() })

/** `Result & Task`. */
const resultAndTask: TypeDef = (t) => z.extend(t.object('Result'), t.object('Task').shape)

const tasks2025: DefChanges = {
  TaskStatus: () => z.enum(['working', 'input_required', 'completed', 'failed', 'cancelled']),
  TaskMetadata: () => obj({ ttl: OptionalIntSchema }),
  RelatedTaskMetadata: () => obj({ taskId: z.string() }),
  Task: (t) =>
    obj({
      taskId: z.string(),
      status: t('TaskStatus'),
      statusMessage: OptionalStringSchema,
      createdAt: z.string(),
      lastUpdatedAt: z.string(),
      ttl: z.nullable(z.int()),
      pollInterval: OptionalIntSchema,
    }),
  TaskAugmentedRequestParams: extend('RequestParams', (t) => ({
    task: z.optional(t('TaskMetadata')),
  })),
  CreateTaskResult: extend('Result', (t) => ({ task: t('Task') })),
  GetTaskRequest: rpcRequest('tasks/get', taskIdParams),
  GetTaskResult: resultAndTask,
  GetTaskPayloadRequest: rpcRequest('tasks/result', taskIdParams),
  GetTaskPayloadResult: (t) => t('Result'),
  CancelTaskRequest: rpcRequest('tasks/cancel', taskIdParams),
  CancelTaskResult: resultAndTask,
  ListTasksRequest: paginatedRequest('tasks/list'),
  ListTasksResult: extend('PaginatedResult', (t) => ({ tasks: z.array(t('Task')) })),
}

/**
 * Task types: added in 2025-11-25, removed from the core schema in 2026-07-28 (the status
 * notification is in `notifications.ts`).
 */
export const taskDefs: RevisionChanges = {
  '2025-11-25': tasks2025,
  '2026-07-28': Object.fromEntries(Object.keys(tasks2025).map((name) => [name, REMOVED])),
}
