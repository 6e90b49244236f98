/** Resources: listing, templates, reading, legacy subscriptions and notifications. */
import {
  BLOB_CONTENTS,
  CACHEABLE,
  COMPLETE,
  modern,
  notification,
  RESOURCE,
  RESOURCE_TEMPLATE,
  request,
  TEXT_CONTENTS,
} from './fixtures.ts'
import { ALL, from, LEGACY, type MessageVector, MODERN, only, vectorsFor } from './types.ts'

const listResources = (params?: unknown) => request(3, 'resources/list', params)

const listResourcesRequest = vectorsFor('ListResourcesRequest', {
  valid: [
    { name: 'with _meta', revisions: ALL, value: listResources(modern()) },
    {
      name: 'with _meta and cursor',
      revisions: ALL,
      value: listResources(modern({ cursor: 'abc' })),
    },
    { name: 'no params', revisions: LEGACY, value: listResources() },
  ],
  invalid: [
    { name: 'no params', revisions: MODERN, value: listResources(), path: ['params'] },
    {
      name: 'params without _meta',
      revisions: MODERN,
      value: listResources({}),
      path: ['params', '_meta'],
    },
    {
      name: 'cursor is null',
      revisions: ALL,
      value: listResources(modern({ cursor: null })),
      path: ['params', 'cursor'],
    },
    {
      name: 'wrong method',
      revisions: ALL,
      value: request(3, 'resource/list', modern()),
      path: ['method'],
    },
  ],
})

const resourcesResult = (resource: unknown) => ({ ...CACHEABLE, resources: [resource] })

const listResourcesResult = vectorsFor('ListResourcesResult', {
  valid: [
    {
      name: 'cacheable page',
      revisions: ALL,
      value: { ...resourcesResult(RESOURCE), nextCursor: 'p2' },
    },
    {
      name: 'legacy, without resultType or caching',
      revisions: LEGACY,
      value: { resources: [RESOURCE] },
    },
    {
      name: 'resource with annotations, title and icons',
      revisions: ALL,
      value: resourcesResult({
        ...RESOURCE,
        title: 'Read me',
        annotations: { audience: ['user'], priority: 0.8, lastModified: '2025-01-12T15:00:58Z' },
        icons: [{ src: 'https://example.com/doc.svg', mimeType: 'image/svg+xml', sizes: ['any'] }],
      }),
    },
  ],
  invalid: [
    {
      name: 'missing ttlMs',
      revisions: MODERN,
      value: { ...COMPLETE, resources: [], cacheScope: 'public' },
      path: ['ttlMs'],
    },
    {
      name: 'missing cacheScope',
      revisions: MODERN,
      value: { ...COMPLETE, resources: [], ttlMs: 5 },
      path: ['cacheScope'],
    },
    {
      name: 'missing resultType',
      revisions: MODERN,
      value: { resources: [], ttlMs: 5, cacheScope: 'public' },
      path: ['resultType'],
    },
    { name: 'missing resources', revisions: ALL, value: { ...CACHEABLE }, path: ['resources'] },
    {
      name: 'resource without uri',
      revisions: ALL,
      value: resourcesResult({ name: 'x' }),
      path: ['resources', 0, 'uri'],
    },
    {
      name: 'resource without name',
      revisions: ALL,
      value: resourcesResult({ uri: 'file:///x' }),
      path: ['resources', 0, 'name'],
    },
    {
      name: 'fractional size',
      revisions: ALL,
      value: resourcesResult({ ...RESOURCE, size: 1.5 }),
      path: ['resources', 0, 'size'],
    },
    {
      name: 'negative priority',
      revisions: ALL,
      value: resourcesResult({ ...RESOURCE, annotations: { priority: -0.1 } }),
      path: ['resources', 0, 'annotations', 'priority'],
    },
    {
      name: 'lastModified is a number',
      revisions: from('2025-06-18'),
      value: resourcesResult({ ...RESOURCE, annotations: { lastModified: 1736694058 } }),
      path: ['resources', 0, 'annotations', 'lastModified'],
    },
    {
      name: 'icon sizes is a string',
      revisions: from('2025-11-25'),
      value: resourcesResult({
        ...RESOURCE,
        icons: [{ src: 'https://example.com/a.png', sizes: '48x48' }],
      }),
      path: ['resources', 0, 'icons', 0, 'sizes'],
    },
  ],
})

const listTemplates = (params?: unknown) => request(5, 'resources/templates/list', params)

const listResourceTemplatesRequest = vectorsFor('ListResourceTemplatesRequest', {
  valid: [
    { name: 'with _meta', revisions: ALL, value: listTemplates(modern()) },
    { name: 'no params', revisions: LEGACY, value: listTemplates() },
  ],
  invalid: [
    { name: 'no params', revisions: MODERN, value: listTemplates(), path: ['params'] },
    {
      name: 'cursor is a number',
      revisions: ALL,
      value: listTemplates(modern({ cursor: 1 })),
      path: ['params', 'cursor'],
    },
    {
      name: 'wrong method',
      revisions: ALL,
      value: request(5, 'resources/list', modern()),
      path: ['method'],
    },
  ],
})

const listResourceTemplatesResult = vectorsFor('ListResourceTemplatesResult', {
  valid: [
    {
      name: 'cacheable page',
      revisions: ALL,
      value: { ...CACHEABLE, resourceTemplates: [RESOURCE_TEMPLATE] },
    },
    {
      name: 'legacy, without resultType or caching',
      revisions: LEGACY,
      value: { resourceTemplates: [] },
    },
  ],
  invalid: [
    {
      name: 'missing ttlMs',
      revisions: MODERN,
      value: { ...COMPLETE, resourceTemplates: [], cacheScope: 'private' },
      path: ['ttlMs'],
    },
    {
      name: 'missing resourceTemplates',
      revisions: ALL,
      value: { ...CACHEABLE },
      path: ['resourceTemplates'],
    },
    {
      name: 'template without uriTemplate',
      revisions: ALL,
      value: { ...CACHEABLE, resourceTemplates: [{ name: 'x' }] },
      path: ['resourceTemplates', 0, 'uriTemplate'],
    },
    {
      name: 'mimeType is a number',
      revisions: ALL,
      value: { ...CACHEABLE, resourceTemplates: [{ ...RESOURCE_TEMPLATE, mimeType: 1 }] },
      path: ['resourceTemplates', 0, 'mimeType'],
    },
  ],
})

const read = (params?: unknown) => request(6, 'resources/read', params)
const URI = 'file:///project/README.md'

const readResourceRequest = vectorsFor('ReadResourceRequest', {
  valid: [
    { name: 'with _meta', revisions: ALL, value: read(modern({ uri: URI })) },
    { name: 'legacy, without _meta', revisions: LEGACY, value: read({ uri: URI }) },
    {
      name: 'MRTR retry with requestState',
      revisions: ALL,
      value: read(modern({ uri: URI, requestState: 'opaque', inputResponses: {} })),
    },
  ],
  invalid: [
    {
      name: 'params without _meta',
      revisions: MODERN,
      value: read({ uri: URI }),
      path: ['params', '_meta'],
    },
    { name: 'missing uri', revisions: ALL, value: read(modern()), path: ['params', 'uri'] },
    {
      name: 'uri is a number',
      revisions: ALL,
      value: read(modern({ uri: 7 })),
      path: ['params', 'uri'],
    },
    { name: 'missing params', revisions: ALL, value: read(), path: ['params'] },
    {
      name: 'requestState is an object',
      revisions: MODERN,
      value: read(modern({ uri: URI, requestState: { step: 2 } })),
      path: ['params', 'requestState'],
    },
  ],
})

const readResourceResult = vectorsFor('ReadResourceResult', {
  valid: [
    {
      name: 'text and blob contents',
      revisions: ALL,
      value: { ...CACHEABLE, contents: [TEXT_CONTENTS, BLOB_CONTENTS] },
    },
    {
      name: 'legacy, without resultType or caching',
      revisions: LEGACY,
      value: { contents: [TEXT_CONTENTS] },
    },
    { name: 'no contents', revisions: ALL, value: { ...CACHEABLE, contents: [] } },
  ],
  invalid: [
    {
      name: 'missing ttlMs',
      revisions: MODERN,
      value: { ...COMPLETE, contents: [], cacheScope: 'public' },
      path: ['ttlMs'],
    },
    {
      name: 'missing cacheScope',
      revisions: MODERN,
      value: { ...COMPLETE, contents: [], ttlMs: 0 },
      path: ['cacheScope'],
    },
    { name: 'missing contents', revisions: ALL, value: { ...CACHEABLE }, path: ['contents'] },
    {
      name: 'contents with neither text nor blob',
      revisions: ALL,
      value: { ...CACHEABLE, contents: [{ uri: URI, mimeType: 'text/plain' }] },
      path: ['contents', 0],
      orAt: ['contents', 0, 'text'],
    },
    {
      name: 'text contents without uri',
      revisions: ALL,
      value: { ...CACHEABLE, contents: [{ text: 'hello' }] },
      path: ['contents', 0],
      orAt: ['contents', 0, 'uri'],
    },
  ],
})

const subscribe = (method: string, params?: unknown) => request(8, method, params)

const subscribeRequest = vectorsFor('SubscribeRequest', {
  valid: [
    { name: 'uri', revisions: LEGACY, value: subscribe('resources/subscribe', { uri: URI }) },
  ],
  invalid: [
    {
      name: 'missing uri',
      revisions: LEGACY,
      value: subscribe('resources/subscribe', {}),
      path: ['params', 'uri'],
    },
    {
      name: 'missing params',
      revisions: LEGACY,
      value: subscribe('resources/subscribe'),
      path: ['params'],
    },
    {
      name: 'unsubscribe method',
      revisions: LEGACY,
      value: subscribe('resources/unsubscribe', { uri: URI }),
      path: ['method'],
    },
  ],
})

const unsubscribeRequest = vectorsFor('UnsubscribeRequest', {
  valid: [
    { name: 'uri', revisions: LEGACY, value: subscribe('resources/unsubscribe', { uri: URI }) },
  ],
  invalid: [
    {
      name: 'uri is a number',
      revisions: LEGACY,
      value: subscribe('resources/unsubscribe', { uri: 1 }),
      path: ['params', 'uri'],
    },
    {
      name: 'subscribe method',
      revisions: LEGACY,
      value: subscribe('resources/subscribe', { uri: URI }),
      path: ['method'],
    },
    {
      name: 'without jsonrpc',
      revisions: only('2025-11-25'),
      value: { id: 8, method: 'resources/unsubscribe', params: { uri: URI } },
      path: ['jsonrpc'],
    },
  ],
})

const updated = (params?: unknown) => notification('notifications/resources/updated', params)

const resourceUpdatedNotification = vectorsFor('ResourceUpdatedNotification', {
  valid: [
    { name: 'uri', revisions: ALL, value: updated({ uri: URI }) },
    {
      name: 'tagged with a listen subscriptionId',
      revisions: ALL,
      value: updated({ uri: URI, _meta: { 'io.modelcontextprotocol/subscriptionId': 12 } }),
    },
  ],
  invalid: [
    { name: 'missing uri', revisions: ALL, value: updated({}), path: ['params', 'uri'] },
    { name: 'missing params', revisions: ALL, value: updated(), path: ['params'] },
    {
      name: 'fractional subscriptionId',
      revisions: MODERN,
      value: updated({ uri: URI, _meta: { 'io.modelcontextprotocol/subscriptionId': 0.5 } }),
      path: ['params', '_meta', 'io.modelcontextprotocol/subscriptionId'],
    },
  ],
})

const resourcesChanged = (params?: unknown) =>
  notification('notifications/resources/list_changed', params)

const resourceListChangedNotification = vectorsFor('ResourceListChangedNotification', {
  valid: [
    { name: 'no params', revisions: ALL, value: resourcesChanged() },
    { name: 'empty params', revisions: ALL, value: resourcesChanged({}) },
  ],
  invalid: [
    {
      name: 'wrong method',
      revisions: ALL,
      value: notification('notifications/resources/updated'),
      path: ['method'],
    },
    { name: 'params is an array', revisions: ALL, value: resourcesChanged([]), path: ['params'] },
  ],
})

/** Resource vectors. */
export const RESOURCE_VECTORS: readonly MessageVector[] = [
  ...listResourcesRequest,
  ...listResourcesResult,
  ...listResourceTemplatesRequest,
  ...listResourceTemplatesResult,
  ...readResourceRequest,
  ...readResourceResult,
  ...subscribeRequest,
  ...unsubscribeRequest,
  ...resourceUpdatedNotification,
  ...resourceListChangedNotification,
]
