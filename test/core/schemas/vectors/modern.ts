/** 2026-07-28: discovery, `subscriptions/listen`, and multi round-trip `InputRequiredResult`. */
import {
  CACHEABLE,
  CLIENT_INFO,
  COMPLETE,
  CREATE_MESSAGE_PARAMS,
  ELICIT_FORM_PARAMS,
  MODERN_META,
  modern,
  notification,
  omit,
  request,
  SERVER_INFO,
} from './fixtures.ts'
import { type MessageVector, MODERN, vectorsFor } from './types.ts'

const M = MODERN
const META = ['params', '_meta'] as const
const discover = (params?: unknown) => request(1, 'server/discover', params)

const discoverRequest = vectorsFor('DiscoverRequest', {
  valid: [
    { name: 'required _meta keys', revisions: M, value: discover(modern()) },
    {
      name: 'with clientInfo and capabilities',
      revisions: M,
      value: discover({
        _meta: {
          ...MODERN_META,
          'io.modelcontextprotocol/clientInfo': CLIENT_INFO,
          'io.modelcontextprotocol/clientCapabilities': {
            sampling: { tools: {} },
            elicitation: { form: {}, url: {} },
            roots: {},
            extensions: { 'io.modelcontextprotocol/tasks': {} },
          },
        },
      }),
    },
  ],
  invalid: [
    { name: 'missing params', revisions: M, value: discover(), path: ['params'] },
    { name: 'params without _meta', revisions: M, value: discover({}), path: [...META] },
    {
      name: '_meta without protocolVersion',
      revisions: M,
      value: discover({ _meta: omit(MODERN_META, 'io.modelcontextprotocol/protocolVersion') }),
      path: [...META, 'io.modelcontextprotocol/protocolVersion'],
    },
    {
      name: 'clientCapabilities is a string',
      revisions: M,
      value: discover({
        _meta: { ...MODERN_META, 'io.modelcontextprotocol/clientCapabilities': 'none' },
      }),
      path: [...META, 'io.modelcontextprotocol/clientCapabilities'],
    },
    {
      name: 'an extension capability is true',
      revisions: M,
      value: discover({
        _meta: {
          ...MODERN_META,
          'io.modelcontextprotocol/clientCapabilities': { extensions: { 'x.y/z': true } },
        },
      }),
      path: [...META, 'io.modelcontextprotocol/clientCapabilities', 'extensions', 'x.y/z'],
    },
    {
      name: 'wrong method',
      revisions: M,
      value: request(1, 'server/discovery', modern()),
      path: ['method'],
    },
  ],
})

const DISCOVER_RESULT = {
  ...CACHEABLE,
  supportedVersions: ['2026-07-28', '2025-11-25'],
  capabilities: { tools: { listChanged: true }, resources: { subscribe: true }, logging: {} },
  instructions: 'Prefer get_weather for forecasts.',
  _meta: { 'io.modelcontextprotocol/serverInfo': SERVER_INFO },
}

const discoverResult = vectorsFor('DiscoverResult', {
  valid: [
    { name: 'full', revisions: M, value: DISCOVER_RESULT },
    {
      name: 'minimal with extensions',
      revisions: M,
      value: {
        ...CACHEABLE,
        supportedVersions: ['2026-07-28'],
        capabilities: { extensions: { 'io.x/y': {} } },
      },
    },
  ],
  invalid: [
    {
      name: 'missing supportedVersions',
      revisions: M,
      value: omit(DISCOVER_RESULT, 'supportedVersions'),
      path: ['supportedVersions'],
    },
    {
      name: 'supportedVersions is a string',
      revisions: M,
      value: { ...DISCOVER_RESULT, supportedVersions: '2026-07-28' },
      path: ['supportedVersions'],
    },
    {
      name: 'missing capabilities',
      revisions: M,
      value: omit(DISCOVER_RESULT, 'capabilities'),
      path: ['capabilities'],
    },
    { name: 'missing ttlMs', revisions: M, value: omit(DISCOVER_RESULT, 'ttlMs'), path: ['ttlMs'] },
    {
      name: 'unknown cacheScope',
      revisions: M,
      value: { ...DISCOVER_RESULT, cacheScope: 'shared' },
      path: ['cacheScope'],
    },
    {
      name: 'missing resultType',
      revisions: M,
      value: omit(DISCOVER_RESULT, 'resultType'),
      path: ['resultType'],
    },
    {
      name: 'tools.listChanged is a string',
      revisions: M,
      value: { ...DISCOVER_RESULT, capabilities: { tools: { listChanged: 'yes' } } },
      path: ['capabilities', 'tools', 'listChanged'],
    },
    {
      name: 'serverInfo without name',
      revisions: M,
      value: {
        ...DISCOVER_RESULT,
        _meta: { 'io.modelcontextprotocol/serverInfo': { version: '1' } },
      },
      path: ['_meta', 'io.modelcontextprotocol/serverInfo', 'name'],
    },
  ],
})

const FILTER = { toolsListChanged: true, resourceSubscriptions: ['file:///project/config.json'] }
const listen = (params?: unknown) => request('listen-1', 'subscriptions/listen', params)

const subscriptionsListenRequest = vectorsFor('SubscriptionsListenRequest', {
  valid: [
    {
      name: 'tools and one resource',
      revisions: M,
      value: listen(modern({ notifications: FILTER })),
    },
    { name: 'empty filter', revisions: M, value: listen(modern({ notifications: {} })) },
  ],
  invalid: [
    {
      name: 'missing notifications',
      revisions: M,
      value: listen(modern()),
      path: ['params', 'notifications'],
    },
    {
      name: 'missing _meta',
      revisions: M,
      value: listen({ notifications: FILTER }),
      path: [...META],
    },
    {
      name: 'resourceSubscriptions is a string',
      revisions: M,
      value: listen(modern({ notifications: { resourceSubscriptions: 'file:///a' } })),
      path: ['params', 'notifications', 'resourceSubscriptions'],
    },
    {
      name: 'toolsListChanged is a string',
      revisions: M,
      value: listen(modern({ notifications: { toolsListChanged: 'yes' } })),
      path: ['params', 'notifications', 'toolsListChanged'],
    },
  ],
})

const SUBSCRIPTION_ID = 'io.modelcontextprotocol/subscriptionId'
const LISTEN_RESULT = { ...COMPLETE, _meta: { [SUBSCRIPTION_ID]: 'listen-1' } }

const subscriptionsListenResult = vectorsFor('SubscriptionsListenResult', {
  valid: [
    { name: 'string subscriptionId', revisions: M, value: LISTEN_RESULT },
    {
      name: 'integer subscriptionId with serverInfo',
      revisions: M,
      value: {
        ...COMPLETE,
        _meta: { [SUBSCRIPTION_ID]: 4, 'io.modelcontextprotocol/serverInfo': SERVER_INFO },
      },
    },
  ],
  invalid: [
    { name: 'missing _meta', revisions: M, value: { ...COMPLETE }, path: ['_meta'] },
    {
      name: 'missing subscriptionId',
      revisions: M,
      value: { ...COMPLETE, _meta: {} },
      path: ['_meta', SUBSCRIPTION_ID],
    },
    {
      name: 'fractional subscriptionId',
      revisions: M,
      value: { ...COMPLETE, _meta: { [SUBSCRIPTION_ID]: 1.5 } },
      path: ['_meta', SUBSCRIPTION_ID],
    },
    {
      name: 'missing resultType',
      revisions: M,
      value: { _meta: { [SUBSCRIPTION_ID]: 'l' } },
      path: ['resultType'],
    },
  ],
})

const acknowledged = (params?: unknown) =>
  notification('notifications/subscriptions/acknowledged', params)

const subscriptionsAcknowledgedNotification = vectorsFor('SubscriptionsAcknowledgedNotification', {
  valid: [
    {
      name: 'honoured subset',
      revisions: M,
      value: acknowledged({ _meta: { [SUBSCRIPTION_ID]: 'listen-1' }, notifications: FILTER }),
    },
    { name: 'nothing honoured', revisions: M, value: acknowledged({ notifications: {} }) },
  ],
  invalid: [
    { name: 'missing params', revisions: M, value: acknowledged(), path: ['params'] },
    {
      name: 'missing notifications',
      revisions: M,
      value: acknowledged({}),
      path: ['params', 'notifications'],
    },
    {
      name: 'promptsListChanged is a number',
      revisions: M,
      value: acknowledged({ notifications: { promptsListChanged: 1 } }),
      path: ['params', 'notifications', 'promptsListChanged'],
    },
    {
      name: 'a non-string resource subscription',
      revisions: M,
      value: acknowledged({ notifications: { resourceSubscriptions: [42] } }),
      path: ['params', 'notifications', 'resourceSubscriptions', 0],
    },
  ],
})

const INPUT_REQUESTS = {
  github_login: { method: 'elicitation/create', params: ELICIT_FORM_PARAMS },
  capital_of_france: { method: 'sampling/createMessage', params: CREATE_MESSAGE_PARAMS },
  workspace: { method: 'roots/list' },
}

const inputRequiredResult = vectorsFor('InputRequiredResult', {
  valid: [
    {
      name: 'elicitation, sampling and roots with requestState',
      revisions: M,
      value: {
        resultType: 'input_required',
        inputRequests: INPUT_REQUESTS,
        requestState: 'eyJ4IjoxfQ',
      },
    },
    {
      name: 'requestState only',
      revisions: M,
      value: { resultType: 'input_required', requestState: 'opaque' },
    },
  ],
  invalid: [
    {
      name: 'missing resultType',
      revisions: M,
      value: { inputRequests: INPUT_REQUESTS },
      path: ['resultType'],
    },
    {
      name: 'requestState is a number',
      revisions: M,
      value: { resultType: 'input_required', requestState: 5 },
      path: ['requestState'],
    },
    {
      name: 'inputRequests is an array',
      revisions: M,
      value: { resultType: 'input_required', inputRequests: [] },
      path: ['inputRequests'],
    },
    {
      name: 'an input request that is not sampling, roots or elicitation',
      revisions: M,
      value: { resultType: 'input_required', inputRequests: { p: { method: 'ping' } } },
      path: ['inputRequests', 'p'],
      orAt: ['inputRequests', 'p', 'method'],
    },
  ],
})

/** Discovery, subscription and MRTR vectors. */
export const MODERN_VECTORS: readonly MessageVector[] = [
  ...discoverRequest,
  ...discoverResult,
  ...subscriptionsListenRequest,
  ...subscriptionsListenResult,
  ...subscriptionsAcknowledgedNotification,
  ...inputRequiredResult,
]
