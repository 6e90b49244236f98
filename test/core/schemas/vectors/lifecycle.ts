/** The legacy handshake, ping, and the empty result. */
import { CLIENT_INFO, COMPLETE, notification, request, SERVER_INFO } from './fixtures.ts'
import { ALL, LEGACY, type MessageVector, MODERN, only, until, vectorsFor } from './types.ts'

const INIT_PARAMS = { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: CLIENT_INFO }
const initialize = (params: unknown) => request(0, 'initialize', params)

const initializeRequest = vectorsFor('InitializeRequest', {
  valid: [
    { name: 'minimal', revisions: LEGACY, value: initialize(INIT_PARAMS) },
    {
      name: 'with roots, sampling and experimental capabilities',
      revisions: LEGACY,
      value: initialize({
        ...INIT_PARAMS,
        protocolVersion: '2024-11-05',
        capabilities: { roots: { listChanged: true }, sampling: {}, experimental: { trace: {} } },
      }),
    },
    {
      name: 'with 2025-11-25 capabilities and icons',
      revisions: LEGACY,
      value: initialize({
        ...INIT_PARAMS,
        capabilities: {
          elicitation: { form: {}, url: {} },
          sampling: { tools: {}, context: {} },
          tasks: { list: {}, cancel: {}, requests: { sampling: { createMessage: {} } } },
        },
        clientInfo: {
          ...CLIENT_INFO,
          title: 'Vector Client',
          description: 'Writes test vectors',
          icons: [{ src: 'https://example.com/icon.png', sizes: ['48x48'], theme: 'light' }],
        },
      }),
    },
    {
      name: 'elicitation capability as a flag object (not form/url objects)',
      revisions: until('2025-06-18'),
      value: initialize({ ...INIT_PARAMS, capabilities: { elicitation: { url: true } } }),
    },
    {
      name: 'without jsonrpc and id (a bare Request)',
      revisions: until('2025-06-18'),
      value: { method: 'initialize', params: INIT_PARAMS },
    },
  ],
  invalid: [
    {
      name: 'missing clientInfo',
      revisions: LEGACY,
      value: initialize({ protocolVersion: '2025-11-25', capabilities: {} }),
      path: ['params', 'clientInfo'],
    },
    {
      name: 'clientInfo without version',
      revisions: LEGACY,
      value: initialize({ ...INIT_PARAMS, clientInfo: { name: 'x' } }),
      path: ['params', 'clientInfo', 'version'],
    },
    {
      name: 'protocolVersion is a number',
      revisions: LEGACY,
      value: initialize({ ...INIT_PARAMS, protocolVersion: 20241105 }),
      path: ['params', 'protocolVersion'],
    },
    {
      name: 'missing capabilities',
      revisions: LEGACY,
      value: initialize({ protocolVersion: '2025-11-25', clientInfo: CLIENT_INFO }),
      path: ['params', 'capabilities'],
    },
    {
      name: 'roots.listChanged is a string',
      revisions: LEGACY,
      value: initialize({ ...INIT_PARAMS, capabilities: { roots: { listChanged: 'yes' } } }),
      path: ['params', 'capabilities', 'roots', 'listChanged'],
    },
    {
      name: 'an experimental capability is true',
      revisions: LEGACY,
      value: initialize({ ...INIT_PARAMS, capabilities: { experimental: { trace: true } } }),
      path: ['params', 'capabilities', 'experimental', 'trace'],
    },
    {
      name: 'sampling capability is true',
      revisions: LEGACY,
      value: initialize({ ...INIT_PARAMS, capabilities: { sampling: true } }),
      path: ['params', 'capabilities', 'sampling'],
    },
    {
      name: 'misspelt method',
      revisions: LEGACY,
      value: request(0, 'initialise', INIT_PARAMS),
      path: ['method'],
    },
    {
      name: 'elicitation.url is true',
      revisions: only('2025-11-25'),
      value: initialize({ ...INIT_PARAMS, capabilities: { elicitation: { url: true } } }),
      path: ['params', 'capabilities', 'elicitation', 'url'],
    },
    {
      name: 'client icon without src',
      revisions: only('2025-11-25'),
      value: initialize({
        ...INIT_PARAMS,
        clientInfo: { ...CLIENT_INFO, icons: [{ theme: 'dark' }] },
      }),
      path: ['params', 'clientInfo', 'icons', 0, 'src'],
    },
    {
      name: 'without jsonrpc and id',
      revisions: only('2025-11-25'),
      value: { method: 'initialize', params: INIT_PARAMS },
      path: ['jsonrpc'],
    },
  ],
})

const INIT_RESULT = { protocolVersion: '2025-11-25', capabilities: {}, serverInfo: SERVER_INFO }

const initializeResult = vectorsFor('InitializeResult', {
  valid: [
    { name: 'minimal', revisions: LEGACY, value: INIT_RESULT },
    {
      name: 'every capability and instructions',
      revisions: LEGACY,
      value: {
        ...INIT_RESULT,
        capabilities: {
          logging: {},
          completions: {},
          prompts: { listChanged: true },
          resources: { subscribe: true, listChanged: false },
          tools: { listChanged: true },
          experimental: { 'vendor.x': { level: 2 } },
        },
        instructions: 'Use get_weather for forecasts.',
        _meta: { trace: 'abc' },
      },
    },
    {
      name: 'tasks capability as a flag (not an object of objects)',
      revisions: until('2025-06-18'),
      value: { ...INIT_RESULT, capabilities: { tasks: { list: true } } },
    },
  ],
  invalid: [
    {
      name: 'missing serverInfo',
      revisions: LEGACY,
      value: { protocolVersion: 'x', capabilities: {} },
      path: ['serverInfo'],
    },
    {
      name: 'missing protocolVersion',
      revisions: LEGACY,
      value: { capabilities: {}, serverInfo: SERVER_INFO },
      path: ['protocolVersion'],
    },
    {
      name: 'resources.subscribe is a string',
      revisions: LEGACY,
      value: { ...INIT_RESULT, capabilities: { resources: { subscribe: 'true' } } },
      path: ['capabilities', 'resources', 'subscribe'],
    },
    {
      name: 'logging capability is true',
      revisions: LEGACY,
      value: { ...INIT_RESULT, capabilities: { logging: true } },
      path: ['capabilities', 'logging'],
    },
    {
      name: 'instructions is a number',
      revisions: LEGACY,
      value: { ...INIT_RESULT, instructions: 5 },
      path: ['instructions'],
    },
    {
      name: 'tasks.list is true',
      revisions: only('2025-11-25'),
      value: { ...INIT_RESULT, capabilities: { tasks: { list: true } } },
      path: ['capabilities', 'tasks', 'list'],
    },
    {
      name: 'server icon with unknown theme',
      revisions: only('2025-11-25'),
      value: {
        ...INIT_RESULT,
        serverInfo: {
          ...SERVER_INFO,
          icons: [{ src: 'https://example.com/i.svg', theme: 'sepia' }],
        },
      },
      path: ['serverInfo', 'icons', 0, 'theme'],
    },
  ],
})

const initializedNotification = vectorsFor('InitializedNotification', {
  valid: [
    { name: 'no params', revisions: LEGACY, value: notification('notifications/initialized') },
    {
      name: 'params with _meta',
      revisions: LEGACY,
      value: notification('notifications/initialized', { _meta: { note: 1 } }),
    },
    {
      name: 'without jsonrpc (a bare Notification)',
      revisions: until('2025-06-18'),
      value: { method: 'notifications/initialized' },
    },
  ],
  invalid: [
    {
      name: 'misspelt method',
      revisions: LEGACY,
      value: notification('notifications/initialised'),
      path: ['method'],
    },
    {
      name: 'params is a number',
      revisions: LEGACY,
      value: notification('notifications/initialized', 5),
      path: ['params'],
    },
    {
      name: 'without jsonrpc',
      revisions: only('2025-11-25'),
      value: { method: 'notifications/initialized' },
      path: ['jsonrpc'],
    },
  ],
})

const pingRequest = vectorsFor('PingRequest', {
  valid: [
    { name: 'no params', revisions: LEGACY, value: request(9, 'ping') },
    {
      name: 'with progress token',
      revisions: LEGACY,
      value: request('p', 'ping', { _meta: { progressToken: 'p-1' } }),
    },
    { name: 'without jsonrpc and id', revisions: until('2025-06-18'), value: { method: 'ping' } },
  ],
  invalid: [
    { name: 'wrong method', revisions: LEGACY, value: request(9, 'pong'), path: ['method'] },
    {
      name: 'fractional progress token',
      revisions: LEGACY,
      value: request(9, 'ping', { _meta: { progressToken: 2.5 } }),
      path: ['params', '_meta', 'progressToken'],
    },
    {
      name: 'params is a string',
      revisions: LEGACY,
      value: request(9, 'ping', 'now'),
      path: ['params'],
    },
    {
      name: 'without id',
      revisions: only('2025-11-25'),
      value: { jsonrpc: '2.0', method: 'ping' },
      path: ['id'],
    },
  ],
})

const emptyResult = vectorsFor('EmptyResult', {
  valid: [
    { name: 'complete', revisions: ALL, value: { ...COMPLETE } },
    { name: 'empty object', revisions: LEGACY, value: {} },
    {
      // ResultType is `"complete" | "input_required" | string`: extensions add values such as "task".
      name: 'extension resultType',
      revisions: ALL,
      value: { resultType: 'task', task: { taskId: 't-1' } },
    },
    { name: 'with _meta', revisions: LEGACY, value: { _meta: { 'example.com/x': 1 } } },
    {
      name: 'with serverInfo in _meta',
      revisions: ALL,
      value: { ...COMPLETE, _meta: { 'io.modelcontextprotocol/serverInfo': SERVER_INFO } },
    },
  ],
  invalid: [
    {
      name: '_meta is a string',
      revisions: ALL,
      value: { ...COMPLETE, _meta: 'x' },
      path: ['_meta'],
    },
    { name: 'missing resultType', revisions: MODERN, value: {}, path: ['resultType'] },
    {
      name: 'resultType is a number',
      revisions: MODERN,
      value: { resultType: 1 },
      path: ['resultType'],
    },
    {
      name: 'serverInfo without version',
      revisions: MODERN,
      value: { ...COMPLETE, _meta: { 'io.modelcontextprotocol/serverInfo': { name: 's' } } },
      path: ['_meta', 'io.modelcontextprotocol/serverInfo', 'version'],
    },
  ],
})

/** Handshake, ping and empty-result vectors. */
export const LIFECYCLE_VECTORS: readonly MessageVector[] = [
  ...initializeRequest,
  ...initializeResult,
  ...initializedNotification,
  ...pingRequest,
  ...emptyResult,
]
