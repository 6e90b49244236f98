/**
 * Tasks (experimental, 2025-11-25 only): task-augmented requests, `tasks/get`, `tasks/result`,
 * `tasks/list`, `tasks/cancel` and `notifications/tasks/status`. 2026-07-28 moves tasks into the
 * `io.modelcontextprotocol/tasks` extension, outside the core schema.
 */
import * as z from 'zod'
import { extend, obj, paginatedRequest, rpcNotification, rpcRequest } from './base.ts'
import { type DefChanges, REMOVED, type RevisionChanges, type TypeDef } from './registry.ts'

const taskIdParams = () => obj({ taskId: z.string() })

/** `Result & Task`. */
const resultAndTask: TypeDef = (t) => t.object('Result').extend(t.object('Task').shape)

const tasks2025: DefChanges = {
  TaskStatus: () => z.enum(['working', 'input_required', 'completed', 'failed', 'cancelled']),
  TaskMetadata: () => obj({ ttl: z.int().optional() }),
  RelatedTaskMetadata: () => obj({ taskId: z.string() }),
  Task: (t) =>
    obj({
      taskId: z.string(),
      status: t('TaskStatus'),
      statusMessage: z.string().optional(),
      createdAt: z.string(),
      lastUpdatedAt: z.string(),
      ttl: z.int().nullable(),
      pollInterval: z.int().optional(),
    }),
  TaskAugmentedRequestParams: extend('RequestParams', (t) => ({
    task: t('TaskMetadata').optional(),
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
  TaskStatusNotificationParams: (t) =>
    t.object('NotificationParams').extend(t.object('Task').shape),
  TaskStatusNotification: rpcNotification(
    'notifications/tasks/status',
    'TaskStatusNotificationParams',
  ),
}

/** Task types: added in 2025-11-25, removed from the core schema in 2026-07-28. */
export const taskDefs: RevisionChanges = {
  '2025-11-25': tasks2025,
  '2026-07-28': Object.fromEntries(Object.keys(tasks2025).map((name) => [name, REMOVED])),
}
