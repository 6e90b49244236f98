/**
 * Roots: a server-to-client request up to 2025-11-25, an `InputRequest` in 2026-07-28; the roots
 * list-changed notification exists only in the legacy revisions.
 */
import { notification, request } from './fixtures.ts'
import { ALL, LEGACY, type MessageVector, only, until, vectorsFor } from './types.ts'

const listRoots = (params?: unknown) => request(30, 'roots/list', params)

const listRootsRequest = vectorsFor('ListRootsRequest', {
  valid: [
    { name: 'no params', revisions: ALL, value: listRoots() },
    {
      name: 'params with _meta',
      revisions: ALL,
      value: listRoots({ _meta: { progressToken: 'r' } }),
    },
    {
      name: 'without jsonrpc and id (bare request / InputRequest)',
      revisions: only('2024-11-05', '2025-03-26', '2025-06-18', '2026-07-28'),
      value: { method: 'roots/list' },
    },
  ],
  invalid: [
    { name: 'wrong method', revisions: ALL, value: request(30, 'roots/get'), path: ['method'] },
    { name: 'params is a string', revisions: ALL, value: listRoots('all'), path: ['params'] },
    {
      name: '_meta is a string',
      revisions: ALL,
      value: listRoots({ _meta: 'x' }),
      path: ['params', '_meta'],
    },
    {
      name: 'without jsonrpc and id',
      revisions: only('2025-11-25'),
      value: { method: 'roots/list' },
      path: ['jsonrpc'],
    },
  ],
})

const ROOT = { uri: 'file:///home/user/project', name: 'project' }

/** Up to 2025-11-25 a client result; in 2026-07-28 an `InputResponse`, which carries no `resultType`. */
const listRootsResult = vectorsFor('ListRootsResult', {
  valid: [
    {
      name: 'two roots',
      revisions: ALL,
      value: { roots: [ROOT, { uri: 'file:///home/user/lib' }] },
    },
    { name: 'no roots', revisions: ALL, value: { roots: [] } },
    {
      name: 'root with _meta',
      revisions: ALL,
      value: { roots: [{ ...ROOT, _meta: { 'example.com/x': 1 } }] },
    },
  ],
  invalid: [
    { name: 'missing roots', revisions: ALL, value: {}, path: ['roots'] },
    {
      name: 'root without uri',
      revisions: ALL,
      value: { roots: [{ name: 'p' }] },
      path: ['roots', 0, 'uri'],
    },
    {
      name: 'root name is a number',
      revisions: ALL,
      value: { roots: [{ ...ROOT, name: 3 }] },
      path: ['roots', 0, 'name'],
    },
    { name: 'roots is an object', revisions: ALL, value: { roots: ROOT }, path: ['roots'] },
  ],
})

const rootsChanged = (params?: unknown) => notification('notifications/roots/list_changed', params)

const rootsListChangedNotification = vectorsFor('RootsListChangedNotification', {
  valid: [
    { name: 'no params', revisions: LEGACY, value: rootsChanged() },
    {
      name: 'without jsonrpc',
      revisions: until('2025-06-18'),
      value: { method: 'notifications/roots/list_changed' },
    },
  ],
  invalid: [
    {
      name: 'wrong method',
      revisions: LEGACY,
      value: notification('notifications/roots/changed'),
      path: ['method'],
    },
    { name: 'params is a number', revisions: LEGACY, value: rootsChanged(1), path: ['params'] },
    {
      name: 'without jsonrpc',
      revisions: only('2025-11-25'),
      value: { method: 'notifications/roots/list_changed' },
      path: ['jsonrpc'],
    },
  ],
})

/** Roots vectors. */
export const ROOT_VECTORS: readonly MessageVector[] = [
  ...listRootsRequest,
  ...listRootsResult,
  ...rootsListChangedNotification,
]
