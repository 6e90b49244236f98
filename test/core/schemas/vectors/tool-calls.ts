/** Tools: `tools/call`, its result, and the list-changed notification. */
import {
  AUDIO,
  COMPLETE,
  IMAGE,
  MODERN_META,
  modern,
  notification,
  RESOURCE_LINK,
  request,
  TEXT,
  TEXT_CONTENTS,
} from './fixtures.ts'
import { ALL, from, LEGACY, type MessageVector, MODERN, only, until, vectorsFor } from './types.ts'

const callTool = (params?: unknown) => request('call-1', 'tools/call', params)
const CALL = { name: 'get_weather', arguments: { location: 'New York' } }

const callToolRequest = vectorsFor('CallToolRequest', {
  valid: [
    { name: 'with _meta and arguments', revisions: ALL, value: callTool(modern(CALL)) },
    { name: 'no arguments', revisions: ALL, value: callTool(modern({ name: 'ping_server' })) },
    { name: 'legacy, without _meta', revisions: LEGACY, value: callTool(CALL) },
    {
      name: 'legacy, with progress token',
      revisions: LEGACY,
      value: callTool({ ...CALL, _meta: { progressToken: 17 } }),
    },
    {
      name: 'MRTR retry with inputResponses and requestState',
      revisions: ALL,
      value: callTool(
        modern({
          ...CALL,
          inputResponses: { github_login: { action: 'accept', content: { name: 'octocat' } } },
          requestState: 'eyJzdGVwIjoyfQ',
        }),
      ),
    },
    {
      name: 'task-augmented call',
      revisions: from('2025-11-25'),
      value: callTool(modern({ ...CALL, task: { ttl: 60_000 } })),
    },
  ],
  invalid: [
    {
      name: 'params without _meta',
      revisions: MODERN,
      value: callTool(CALL),
      path: ['params', '_meta'],
    },
    {
      name: 'missing name',
      revisions: ALL,
      value: callTool(modern({ arguments: {} })),
      path: ['params', 'name'],
    },
    {
      name: 'name is a number',
      revisions: ALL,
      value: callTool(modern({ name: 5 })),
      path: ['params', 'name'],
    },
    {
      name: 'arguments is a string',
      revisions: ALL,
      value: callTool(modern({ name: 'x', arguments: 'location=NYC' })),
      path: ['params', 'arguments'],
    },
    {
      name: 'arguments is an array',
      revisions: ALL,
      value: callTool(modern({ name: 'x', arguments: ['NYC'] })),
      path: ['params', 'arguments'],
    },
    { name: 'missing params', revisions: ALL, value: callTool(), path: ['params'] },
    {
      name: 'requestState is a number',
      revisions: MODERN,
      value: callTool(modern({ ...CALL, requestState: 5 })),
      path: ['params', 'requestState'],
    },
    {
      name: 'inputResponses is a string',
      revisions: MODERN,
      value: callTool(modern({ ...CALL, inputResponses: 'accepted' })),
      path: ['params', 'inputResponses'],
    },
    {
      name: 'fractional task ttl',
      revisions: only('2025-11-25'),
      value: callTool({ ...CALL, task: { ttl: 1.5 } }),
      path: ['params', 'task', 'ttl'],
    },
    {
      name: 'fractional progress token',
      revisions: from('2025-11-25'),
      value: callTool({ ...CALL, _meta: { ...MODERN_META, progressToken: 1.5 } }),
      path: ['params', '_meta', 'progressToken'],
    },
    {
      name: 'fractional id',
      revisions: from('2025-11-25'),
      value: { ...(callTool(modern(CALL)) as object), id: 1.5 },
      path: ['id'],
    },
    {
      name: 'without jsonrpc',
      revisions: from('2025-11-25'),
      value: { id: 1, method: 'tools/call', params: modern(CALL) },
      path: ['jsonrpc'],
    },
  ],
})

const callToolResult = vectorsFor('CallToolResult', {
  valid: [
    {
      name: 'text content',
      revisions: ALL,
      value: { ...COMPLETE, content: [TEXT], isError: false },
    },
    { name: 'legacy, without resultType', revisions: LEGACY, value: { content: [TEXT] } },
    { name: 'empty content', revisions: ALL, value: { ...COMPLETE, content: [] } },
    { name: 'tool error', revisions: ALL, value: { ...COMPLETE, content: [TEXT], isError: true } },
    {
      name: 'image and embedded resource',
      revisions: ALL,
      value: {
        ...COMPLETE,
        content: [
          IMAGE,
          { type: 'resource', resource: TEXT_CONTENTS, annotations: { priority: 1 } },
        ],
      },
    },
    {
      name: 'annotated text',
      revisions: ALL,
      value: {
        ...COMPLETE,
        content: [{ ...TEXT, annotations: { audience: ['user', 'assistant'], priority: 0 } }],
      },
    },
    {
      name: 'audio content',
      revisions: from('2025-03-26'),
      value: { ...COMPLETE, content: [AUDIO] },
    },
    {
      name: 'resource link',
      revisions: from('2025-06-18'),
      value: { ...COMPLETE, content: [RESOURCE_LINK] },
    },
    {
      name: 'object structuredContent',
      revisions: ALL,
      value: {
        ...COMPLETE,
        content: [TEXT],
        structuredContent: { temperature: 22, conditions: 'sunny' },
      },
    },
    {
      name: 'array structuredContent (object-only in 2025-06-18 and 2025-11-25)',
      revisions: only('2024-11-05', '2025-03-26', '2026-07-28'),
      value: { ...COMPLETE, content: [], structuredContent: [{ city: 'Paris' }, { city: 'Rome' }] },
    },
  ],
  invalid: [
    {
      name: 'missing resultType',
      revisions: MODERN,
      value: { content: [TEXT] },
      path: ['resultType'],
    },
    {
      name: 'missing content',
      revisions: ALL,
      value: { ...COMPLETE, isError: true },
      path: ['content'],
    },
    {
      name: 'content is a string',
      revisions: ALL,
      value: { ...COMPLETE, content: 'hi' },
      path: ['content'],
    },
    {
      name: 'isError is a string',
      revisions: ALL,
      value: { ...COMPLETE, content: [], isError: 'false' },
      path: ['isError'],
    },
    {
      name: 'array structuredContent',
      revisions: only('2025-06-18', '2025-11-25'),
      value: { content: [], structuredContent: [{ city: 'Paris' }] },
      path: ['structuredContent'],
    },
    {
      name: 'text block whose text is a number',
      revisions: ALL,
      value: { ...COMPLETE, content: [{ type: 'text', text: 5 }] },
      path: ['content', 0],
      orAt: ['content', 0, 'text'],
    },
    {
      name: 'priority above 1',
      revisions: ALL,
      value: { ...COMPLETE, content: [{ ...TEXT, annotations: { priority: 2 } }] },
      path: ['content', 0],
      orAt: ['content', 0, 'annotations', 'priority'],
    },
    {
      name: 'unknown audience role',
      revisions: ALL,
      value: { ...COMPLETE, content: [{ ...TEXT, annotations: { audience: ['robot'] } }] },
      path: ['content', 0],
      orAt: ['content', 0, 'annotations', 'audience', 0],
    },
    {
      name: 'image without mimeType',
      revisions: ALL,
      value: { ...COMPLETE, content: [{ type: 'image', data: 'AAAA' }] },
      path: ['content', 0],
      orAt: ['content', 0, 'mimeType'],
    },
    {
      name: 'audio content',
      revisions: only('2024-11-05'),
      value: { content: [AUDIO] },
      path: ['content', 0],
      orAt: ['content', 0, 'type'],
    },
    {
      name: 'resource link',
      revisions: until('2025-03-26'),
      value: { content: [RESOURCE_LINK] },
      path: ['content', 0],
      orAt: ['content', 0, 'type'],
    },
    {
      name: 'resource link with fractional size',
      revisions: from('2025-06-18'),
      value: { ...COMPLETE, content: [{ ...RESOURCE_LINK, size: 10.5 }] },
      path: ['content', 0],
      orAt: ['content', 0, 'size'],
    },
    {
      name: 'embedded resource with neither text nor blob',
      revisions: ALL,
      value: { ...COMPLETE, content: [{ type: 'resource', resource: { uri: 'file:///a' } }] },
      path: ['content', 0],
      orAt: ['content', 0, 'resource', 'text'],
    },
  ],
})

const listChanged = (params?: unknown) => notification('notifications/tools/list_changed', params)

const toolListChangedNotification = vectorsFor('ToolListChangedNotification', {
  valid: [
    { name: 'no params', revisions: ALL, value: listChanged() },
    {
      name: 'tagged with a listen subscriptionId',
      revisions: ALL,
      value: listChanged({ _meta: { 'io.modelcontextprotocol/subscriptionId': 'listen-1' } }),
    },
  ],
  invalid: [
    {
      name: 'wrong method',
      revisions: ALL,
      value: notification('notifications/tools/changed'),
      path: ['method'],
    },
    { name: 'params is a number', revisions: ALL, value: listChanged(5), path: ['params'] },
    {
      name: 'subscriptionId is a boolean',
      revisions: MODERN,
      value: listChanged({ _meta: { 'io.modelcontextprotocol/subscriptionId': true } }),
      path: ['params', '_meta', 'io.modelcontextprotocol/subscriptionId'],
    },
  ],
})

/** Tool call vectors. */
export const TOOL_CALL_VECTORS: readonly MessageVector[] = [
  ...callToolRequest,
  ...callToolResult,
  ...toolListChangedNotification,
]
