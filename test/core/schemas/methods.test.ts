import { describe, expect, test } from 'vitest'
import { PROTOCOL_REVISIONS, type ProtocolRevision } from '../../../src/core/eras/versions.ts'
import { type MethodSchemas, schemasFor } from '../../../src/core/schemas/index.ts'

/** The methods of each revision's ClientRequest / ServerRequest / ClientNotification / ServerNotification. */
interface Expected {
  clientRequests: string[]
  serverRequests: string[]
  clientNotifications: string[]
  serverNotifications: string[]
}

const CLIENT_REQUESTS_2024 = [
  'initialize',
  'ping',
  'completion/complete',
  'logging/setLevel',
  'prompts/get',
  'prompts/list',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'resources/subscribe',
  'resources/unsubscribe',
  'tools/call',
  'tools/list',
]
const SERVER_NOTIFICATIONS_2024 = [
  'notifications/cancelled',
  'notifications/progress',
  'notifications/message',
  'notifications/resources/updated',
  'notifications/resources/list_changed',
  'notifications/tools/list_changed',
  'notifications/prompts/list_changed',
]
const LEGACY_2024: Expected = {
  clientRequests: CLIENT_REQUESTS_2024,
  serverRequests: ['ping', 'sampling/createMessage', 'roots/list'],
  clientNotifications: [
    'notifications/cancelled',
    'notifications/progress',
    'notifications/initialized',
    'notifications/roots/list_changed',
  ],
  serverNotifications: SERVER_NOTIFICATIONS_2024,
}
const TASKS = ['tasks/get', 'tasks/result', 'tasks/list', 'tasks/cancel']

const EXPECTED: Record<ProtocolRevision, Expected> = {
  '2024-11-05': LEGACY_2024,
  '2025-03-26': LEGACY_2024,
  '2025-06-18': {
    ...LEGACY_2024,
    serverRequests: [...LEGACY_2024.serverRequests, 'elicitation/create'],
  },
  '2025-11-25': {
    clientRequests: [...CLIENT_REQUESTS_2024, ...TASKS],
    serverRequests: [...LEGACY_2024.serverRequests, 'elicitation/create', ...TASKS],
    clientNotifications: [...LEGACY_2024.clientNotifications, 'notifications/tasks/status'],
    serverNotifications: [
      ...SERVER_NOTIFICATIONS_2024,
      'notifications/elicitation/complete',
      'notifications/tasks/status',
    ],
  },
  '2026-07-28': {
    clientRequests: [
      'server/discover',
      'completion/complete',
      'prompts/get',
      'prompts/list',
      'resources/list',
      'resources/templates/list',
      'resources/read',
      'subscriptions/listen',
      'tools/call',
      'tools/list',
    ],
    serverRequests: [],
    clientNotifications: ['notifications/cancelled'],
    serverNotifications: [
      'notifications/cancelled',
      'notifications/progress',
      'notifications/message',
      'notifications/resources/updated',
      'notifications/resources/list_changed',
      'notifications/tools/list_changed',
      'notifications/prompts/list_changed',
      'notifications/subscriptions/acknowledged',
    ],
  },
}

function sentBy(methods: Readonly<Record<string, MethodSchemas>>, kind: string, side: string) {
  return Object.entries(methods)
    .filter(([, m]) => m.kind === kind && (m.from === side || m.from === 'both'))
    .map(([name]) => name)
    .sort()
}

const sorted = (names: string[]) => [...names].sort()

describe.each(PROTOCOL_REVISIONS)('methods of %s', (revision) => {
  const { methods } = schemasFor(revision)
  const expected = EXPECTED[revision]

  test('lists exactly the methods of its schema.ts, by sender', () => {
    expect(sentBy(methods, 'request', 'client')).toEqual(sorted(expected.clientRequests))
    expect(sentBy(methods, 'request', 'server')).toEqual(sorted(expected.serverRequests))
    expect(sentBy(methods, 'notification', 'client')).toEqual(sorted(expected.clientNotifications))
    expect(sentBy(methods, 'notification', 'server')).toEqual(sorted(expected.serverNotifications))
  })

  test('requests have a result schema and notifications none', () => {
    for (const [name, method] of Object.entries(methods)) {
      expect(method.result === undefined, name).toBe(method.kind === 'notification')
    }
  })

  test('each message schema pins its own method name', () => {
    for (const [name, method] of Object.entries(methods)) {
      const wrong = method.message.safeParse({
        jsonrpc: '2.0',
        id: 1,
        method: `${name}-not`,
        params: {},
      })
      expect(wrong.success, name).toBe(false)
    }
  })

  test('the ClientRequest/ServerRequest unions dispatch on exactly these methods', () => {
    const { types } = schemasFor(revision)
    const clientRequest = types.ClientRequest
    expect(clientRequest).toBeDefined()
    const probe = { jsonrpc: '2.0', id: 1, method: 'no/such/method', params: {} }
    expect(clientRequest?.safeParse(probe).success).toBe(false)
    expect(types.ServerRequest === undefined).toBe(expected.serverRequests.length === 0)
  })
})

describe('differences between revisions', () => {
  test('ping and logging/setLevel are gone in 2026-07-28 only', () => {
    for (const revision of PROTOCOL_REVISIONS) {
      const { methods } = schemasFor(revision)
      const legacy = revision !== '2026-07-28'
      expect('ping' in methods).toBe(legacy)
      expect('logging/setLevel' in methods).toBe(legacy)
      expect('initialize' in methods).toBe(legacy)
    }
  })

  test('server/discover and subscriptions/listen exist in 2026-07-28 only', () => {
    for (const revision of PROTOCOL_REVISIONS) {
      const { methods, types } = schemasFor(revision)
      const modern = revision === '2026-07-28'
      expect('server/discover' in methods).toBe(modern)
      expect('subscriptions/listen' in methods).toBe(modern)
      expect('notifications/subscriptions/acknowledged' in methods).toBe(modern)
      expect('DiscoverResult' in types).toBe(modern)
      expect('InputRequiredResult' in types).toBe(modern)
    }
  })

  test('batching exists in 2025-03-26 only', () => {
    for (const revision of PROTOCOL_REVISIONS) {
      const { types } = schemasFor(revision)
      expect('JSONRPCBatchRequest' in types).toBe(revision === '2025-03-26')
      expect('JSONRPCBatchResponse' in types).toBe(revision === '2025-03-26')
    }
    const message = schemasFor('2025-03-26').types.JSONRPCMessage
    const batch = [
      { jsonrpc: '2.0', id: 1, method: 'ping' },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
    ]
    expect(message?.safeParse(batch).success).toBe(true)
    expect(schemasFor('2025-06-18').types.JSONRPCMessage?.safeParse(batch).success).toBe(false)
  })

  test('tasks exist in 2025-11-25 only, sent by both sides', () => {
    for (const revision of PROTOCOL_REVISIONS) {
      const { methods, types } = schemasFor(revision)
      for (const task of TASKS) {
        expect(task in methods).toBe(revision === '2025-11-25')
      }
      expect('Task' in types).toBe(revision === '2025-11-25')
    }
    expect(schemasFor('2025-11-25').methods['tasks/get']?.from).toBe('both')
  })

  test('elicitation arrives in 2025-06-18, URL mode and its completion in 2025-11-25', () => {
    expect('elicitation/create' in schemasFor('2025-03-26').methods).toBe(false)
    expect('elicitation/create' in schemasFor('2025-06-18').methods).toBe(true)
    expect('ElicitRequestURLParams' in schemasFor('2025-06-18').types).toBe(false)
    expect('URLElicitationRequiredError' in schemasFor('2025-11-25').types).toBe(true)
    expect('notifications/elicitation/complete' in schemasFor('2025-11-25').methods).toBe(true)
    expect('URLElicitationRequiredError' in schemasFor('2026-07-28').types).toBe(false)
  })

  test('2026-07-28 sends no server requests, but keeps their types as input requests', () => {
    const { methods, types } = schemasFor('2026-07-28')
    expect('sampling/createMessage' in methods).toBe(false)
    expect('roots/list' in methods).toBe(false)
    expect('elicitation/create' in methods).toBe(false)
    const input = types.InputRequest
    expect(input?.safeParse({ method: 'roots/list' }).success).toBe(true)
    expect(input?.safeParse({ method: 'ping' }).success).toBe(false)
  })
})

describe('params and results', () => {
  test('params are optional where the spec allows it, and required _meta makes them required', () => {
    const legacyList = schemasFor('2025-11-25').methods['tools/list']
    expect(legacyList?.params.safeParse(undefined).success).toBe(true)
    const modernList = schemasFor('2026-07-28').methods['tools/list']
    expect(modernList?.params.safeParse(undefined).success).toBe(false)
    expect(
      schemasFor('2024-11-05').methods['tools/call']?.params.safeParse(undefined).success,
    ).toBe(false)
  })

  test('2026-07-28 tools/call, prompts/get and resources/read may answer input_required', () => {
    const { methods } = schemasFor('2026-07-28')
    const inputRequired = { resultType: 'input_required', requestState: 'opaque' }
    for (const name of ['tools/call', 'prompts/get', 'resources/read']) {
      expect(methods[name]?.result?.safeParse(inputRequired).success, name).toBe(true)
    }
    for (const name of ['tools/list', 'server/discover', 'completion/complete']) {
      expect(methods[name]?.result?.safeParse(inputRequired).success, name).toBe(false)
    }
  })

  test('2025-11-25 task-augmented requests may answer with a task', () => {
    const task = {
      task: {
        taskId: 't1',
        status: 'working',
        createdAt: '2025-11-25T00:00:00Z',
        lastUpdatedAt: '2025-11-25T00:00:00Z',
        ttl: null,
      },
    }
    const { methods } = schemasFor('2025-11-25')
    for (const name of ['tools/call', 'sampling/createMessage', 'elicitation/create']) {
      expect(methods[name]?.result?.safeParse(task).success, name).toBe(true)
    }
    expect(schemasFor('2025-06-18').methods['tools/call']?.result?.safeParse(task).success).toBe(
      false,
    )
  })
})
