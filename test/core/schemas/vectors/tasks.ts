/** The experimental tasks of 2025-11-25 (an extension, outside the core schema, from 2026-07-28). */
import { notification, omit, request, TASK, TEXT } from './fixtures.ts'
import { type MessageVector, only, vectorsFor } from './types.ts'

const R = only('2025-11-25')
const taskRequest = (method: string, params?: unknown) => request('t-1', method, params)

const getTaskRequest = vectorsFor('GetTaskRequest', {
  valid: [{ name: 'taskId', revisions: R, value: taskRequest('tasks/get', { taskId: 'task-7' }) }],
  invalid: [
    {
      name: 'missing taskId',
      revisions: R,
      value: taskRequest('tasks/get', {}),
      path: ['params', 'taskId'],
    },
    {
      name: 'taskId is a number',
      revisions: R,
      value: taskRequest('tasks/get', { taskId: 7 }),
      path: ['params', 'taskId'],
    },
    { name: 'missing params', revisions: R, value: taskRequest('tasks/get'), path: ['params'] },
  ],
})

const getTaskPayloadRequest = vectorsFor('GetTaskPayloadRequest', {
  valid: [
    { name: 'taskId', revisions: R, value: taskRequest('tasks/result', { taskId: 'task-7' }) },
  ],
  invalid: [
    {
      name: 'wrong method',
      revisions: R,
      value: taskRequest('tasks/payload', { taskId: 'x' }),
      path: ['method'],
    },
    {
      name: 'missing taskId',
      revisions: R,
      value: taskRequest('tasks/result', {}),
      path: ['params', 'taskId'],
    },
  ],
})

const listTasksRequest = vectorsFor('ListTasksRequest', {
  valid: [
    { name: 'no params', revisions: R, value: taskRequest('tasks/list') },
    { name: 'cursor', revisions: R, value: taskRequest('tasks/list', { cursor: 'c' }) },
  ],
  invalid: [
    {
      name: 'cursor is a number',
      revisions: R,
      value: taskRequest('tasks/list', { cursor: 9 }),
      path: ['params', 'cursor'],
    },
    { name: 'wrong method', revisions: R, value: taskRequest('tasks/all'), path: ['method'] },
  ],
})

const cancelTaskRequest = vectorsFor('CancelTaskRequest', {
  valid: [
    { name: 'taskId', revisions: R, value: taskRequest('tasks/cancel', { taskId: 'task-7' }) },
  ],
  invalid: [
    {
      name: 'missing taskId',
      revisions: R,
      value: taskRequest('tasks/cancel', {}),
      path: ['params', 'taskId'],
    },
    {
      name: 'without id',
      revisions: R,
      value: { jsonrpc: '2.0', method: 'tasks/cancel', params: { taskId: 'x' } },
      path: ['id'],
    },
  ],
})

const getTaskResult = vectorsFor('GetTaskResult', {
  valid: [
    { name: 'working task', revisions: R, value: TASK },
    {
      name: 'unlimited ttl (null), with _meta',
      revisions: R,
      value: { ...TASK, ttl: null, _meta: {} },
    },
    {
      name: 'input_required',
      revisions: R,
      value: { ...omit(TASK, 'pollInterval'), status: 'input_required' },
    },
  ],
  invalid: [
    {
      name: 'unknown status',
      revisions: R,
      value: { ...TASK, status: 'running' },
      path: ['status'],
    },
    { name: 'missing ttl', revisions: R, value: omit(TASK, 'ttl'), path: ['ttl'] },
    { name: 'fractional ttl', revisions: R, value: { ...TASK, ttl: 1.5 }, path: ['ttl'] },
    {
      name: 'fractional pollInterval',
      revisions: R,
      value: { ...TASK, pollInterval: 0.5 },
      path: ['pollInterval'],
    },
    {
      name: 'missing createdAt',
      revisions: R,
      value: omit(TASK, 'createdAt'),
      path: ['createdAt'],
    },
    { name: '_meta is a string', revisions: R, value: { ...TASK, _meta: 'x' }, path: ['_meta'] },
  ],
})

const getTaskPayloadResult = vectorsFor('GetTaskPayloadResult', {
  valid: [
    { name: 'a tool result as payload', revisions: R, value: { content: [TEXT], isError: false } },
    { name: 'empty', revisions: R, value: {} },
  ],
  invalid: [{ name: '_meta is a string', revisions: R, value: { _meta: 'x' }, path: ['_meta'] }],
})

const listTasksResult = vectorsFor('ListTasksResult', {
  valid: [
    { name: 'one task with cursor', revisions: R, value: { tasks: [TASK], nextCursor: 'n' } },
    { name: 'no tasks', revisions: R, value: { tasks: [] } },
  ],
  invalid: [
    { name: 'missing tasks', revisions: R, value: { nextCursor: 'n' }, path: ['tasks'] },
    {
      name: 'task with unknown status',
      revisions: R,
      value: { tasks: [{ ...TASK, status: 'paused' }] },
      path: ['tasks', 0, 'status'],
    },
    {
      name: 'task without taskId',
      revisions: R,
      value: { tasks: [omit(TASK, 'taskId')] },
      path: ['tasks', 0, 'taskId'],
    },
  ],
})

const cancelTaskResult = vectorsFor('CancelTaskResult', {
  valid: [{ name: 'cancelled task', revisions: R, value: { ...TASK, status: 'cancelled' } }],
  invalid: [
    {
      name: 'unknown status',
      revisions: R,
      value: { ...TASK, status: 'aborted' },
      path: ['status'],
    },
    { name: 'missing taskId', revisions: R, value: omit(TASK, 'taskId'), path: ['taskId'] },
    {
      name: 'lastUpdatedAt is a number',
      revisions: R,
      value: { ...TASK, lastUpdatedAt: 1 },
      path: ['lastUpdatedAt'],
    },
  ],
})

const status = (params?: unknown) => notification('notifications/tasks/status', params)

const taskStatusNotification = vectorsFor('TaskStatusNotification', {
  valid: [
    { name: 'working', revisions: R, value: status(TASK) },
    {
      name: 'completed with _meta',
      revisions: R,
      value: status({ ...TASK, status: 'completed', _meta: {} }),
    },
  ],
  invalid: [
    {
      name: 'unknown status',
      revisions: R,
      value: status({ ...TASK, status: 'paused' }),
      path: ['params', 'status'],
    },
    {
      name: 'missing ttl',
      revisions: R,
      value: status(omit(TASK, 'ttl')),
      path: ['params', 'ttl'],
    },
    { name: 'missing params', revisions: R, value: status(), path: ['params'] },
  ],
})

const createTaskResult = vectorsFor('CreateTaskResult', {
  valid: [{ name: 'task', revisions: R, value: { task: TASK } }],
  invalid: [
    { name: 'missing task', revisions: R, value: {}, path: ['task'] },
    {
      name: 'task without taskId',
      revisions: R,
      value: { task: omit(TASK, 'taskId') },
      path: ['task', 'taskId'],
    },
    {
      name: 'task with unknown status',
      revisions: R,
      value: { task: { ...TASK, status: 'queued' } },
      path: ['task', 'status'],
    },
  ],
})

/** Task vectors. */
export const TASK_VECTORS: readonly MessageVector[] = [
  ...getTaskRequest,
  ...getTaskPayloadRequest,
  ...listTasksRequest,
  ...cancelTaskRequest,
  ...getTaskResult,
  ...getTaskPayloadResult,
  ...listTasksResult,
  ...cancelTaskResult,
  ...taskStatusNotification,
  ...createTaskResult,
]
