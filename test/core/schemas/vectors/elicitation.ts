/**
 * Elicitation: form mode from 2025-06-18, URL mode from 2025-11-25 (with `elicitationId` and a
 * completion notification there, without both in 2026-07-28), and the `-32042` error of 2025-11-25.
 */
import { ELICIT_FORM_PARAMS, notification, omit, request } from './fixtures.ts'
import { from, type MessageVector, MODERN, only, vectorsFor } from './types.ts'

const elicit = (params?: unknown) => request(40, 'elicitation/create', params)
const URL_PARAMS = {
  mode: 'url',
  message: 'Please sign in to your bank',
  url: 'https://bank.example.com/connect?session=abc',
}
const URL_PARAMS_2025 = { ...URL_PARAMS, elicitationId: 'elicit-1' }
const PROPERTIES = ['params', 'requestedSchema', 'properties'] as const

const withProperty = (name: string, schema: unknown) =>
  elicit({ message: 'm', requestedSchema: { type: 'object', properties: { [name]: schema } } })

const MULTI_SELECT = {
  type: 'array',
  title: 'Colours',
  minItems: 1,
  maxItems: 2,
  items: { type: 'string', enum: ['red', 'green', 'blue'] },
  default: ['red'],
}

const elicitRequest = vectorsFor('ElicitRequest', {
  valid: [
    { name: 'form', revisions: from('2025-06-18'), value: elicit(ELICIT_FORM_PARAMS) },
    {
      name: 'form with explicit mode',
      revisions: from('2025-06-18'),
      value: elicit({ mode: 'form', ...ELICIT_FORM_PARAMS }),
    },
    {
      name: 'form with every primitive schema',
      revisions: from('2025-06-18'),
      value: elicit({
        message: 'Tell us about you',
        requestedSchema: {
          type: 'object',
          properties: {
            email: { type: 'string', format: 'email', title: 'Email', maxLength: 100 },
            age: { type: 'integer', minimum: 0, maximum: 150 },
            height: { type: 'number', description: 'metres' },
            subscribe: { type: 'boolean', default: true },
            plan: { type: 'string', enum: ['free', 'pro'], enumNames: ['Free', 'Pro'] },
          },
          required: ['email'],
        },
      }),
    },
    {
      name: 'titled single-select (a plain string schema in 2025-06-18)',
      revisions: from('2025-06-18'),
      value: withProperty('colour', {
        type: 'string',
        oneOf: [
          { const: '#f00', title: 'Red' },
          { const: '#0f0', title: 'Green' },
        ],
        default: '#f00',
      }),
    },
    {
      name: 'multi-select',
      revisions: from('2025-11-25'),
      value: withProperty('colours', MULTI_SELECT),
    },
    {
      name: 'titled multi-select',
      revisions: from('2025-11-25'),
      value: withProperty('colours', {
        type: 'array',
        items: { anyOf: [{ const: 'r', title: 'Red' }] },
      }),
    },
    {
      name: 'URL mode with elicitationId',
      revisions: from('2025-11-25'),
      value: elicit(URL_PARAMS_2025),
    },
    { name: 'URL mode without elicitationId', revisions: MODERN, value: elicit(URL_PARAMS) },
    {
      name: 'without jsonrpc and id (bare request / InputRequest)',
      revisions: only('2025-06-18', '2026-07-28'),
      value: { method: 'elicitation/create', params: ELICIT_FORM_PARAMS },
    },
  ],
  invalid: [
    {
      name: 'URL mode (form only before 2025-11-25)',
      revisions: only('2025-06-18'),
      value: elicit(URL_PARAMS_2025),
      path: ['params', 'requestedSchema'],
    },
    {
      name: 'URL mode without elicitationId',
      revisions: only('2025-11-25'),
      value: elicit(URL_PARAMS),
      path: ['params'],
      orAt: ['params', 'elicitationId'],
    },
    {
      name: 'URL mode without url',
      revisions: from('2025-11-25'),
      value: elicit(omit(URL_PARAMS_2025, 'url')),
      path: ['params'],
      orAt: ['params', 'url'],
    },
    {
      name: 'missing message',
      revisions: only('2025-06-18'),
      value: elicit({ requestedSchema: ELICIT_FORM_PARAMS.requestedSchema }),
      path: ['params', 'message'],
    },
    {
      name: 'missing message',
      revisions: from('2025-11-25'),
      value: elicit({ requestedSchema: ELICIT_FORM_PARAMS.requestedSchema }),
      path: ['params'],
      orAt: ['params', 'message'],
    },
    {
      name: 'requestedSchema of type array',
      revisions: only('2025-06-18'),
      value: elicit({ message: 'm', requestedSchema: { type: 'array', properties: {} } }),
      path: ['params', 'requestedSchema', 'type'],
    },
    {
      name: 'requestedSchema without properties',
      revisions: from('2025-11-25'),
      value: elicit({ message: 'm', requestedSchema: { type: 'object' } }),
      path: ['params'],
      orAt: ['params', 'requestedSchema', 'properties'],
    },
    {
      name: 'multi-select',
      revisions: only('2025-06-18'),
      value: withProperty('colours', MULTI_SELECT),
      path: [...PROPERTIES, 'colours'],
      orAt: [...PROPERTIES, 'colours', 'type'],
    },
    {
      name: 'property of an unknown type',
      revisions: only('2025-06-18'),
      value: withProperty('when', { type: 'date' }),
      path: [...PROPERTIES, 'when'],
      orAt: [...PROPERTIES, 'when', 'type'],
    },
    {
      name: 'wrong method',
      revisions: from('2025-06-18'),
      value: request(40, 'elicitation/request', ELICIT_FORM_PARAMS),
      path: ['method'],
    },
    { name: 'missing params', revisions: from('2025-06-18'), value: elicit(), path: ['params'] },
    {
      name: 'without jsonrpc and id',
      revisions: only('2025-11-25'),
      value: { method: 'elicitation/create', params: ELICIT_FORM_PARAMS },
      path: ['jsonrpc'],
    },
  ],
})

/** Up to 2025-11-25 a client result; in 2026-07-28 an `InputResponse`, which carries no `resultType`. */
const elicitResult = vectorsFor('ElicitResult', {
  valid: [
    {
      name: 'accept with string, integer and boolean',
      revisions: from('2025-06-18'),
      value: { action: 'accept', content: { name: 'octocat', age: 30, subscribe: false } },
    },
    { name: 'decline', revisions: from('2025-06-18'), value: { action: 'decline' } },
    { name: 'cancel', revisions: from('2025-06-18'), value: { action: 'cancel' } },
    {
      name: 'accept, URL mode, no content',
      revisions: from('2025-06-18'),
      value: { action: 'accept' },
    },
    {
      // schema.ts types answers as `number`; schema.json's generator narrowed it to integer. mcpkit follows
      // schema.ts so a form's `type: "number"` field can be answered with 1.85.
      name: 'accept with a fractional number answer',
      revisions: from('2025-06-18'),
      value: { action: 'accept', content: { height: 1.85 } },
    },
    {
      name: 'accept with a multi-select answer',
      revisions: from('2025-11-25'),
      value: { action: 'accept', content: { colours: ['red', 'blue'] } },
    },
  ],
  invalid: [
    {
      name: 'unknown action',
      revisions: from('2025-06-18'),
      value: { action: 'reject' },
      path: ['action'],
    },
    {
      name: 'missing action',
      revisions: from('2025-06-18'),
      value: { content: {} },
      path: ['action'],
    },
    {
      name: 'null answer',
      revisions: from('2025-06-18'),
      value: { action: 'accept', content: { name: null } },
      path: ['content', 'name'],
    },
    {
      name: 'object answer',
      revisions: from('2025-06-18'),
      value: { action: 'accept', content: { name: { first: 'A' } } },
      path: ['content', 'name'],
    },
    {
      name: 'array answer (multi-select arrives in 2025-11-25)',
      revisions: only('2025-06-18'),
      value: { action: 'accept', content: { colours: ['red'] } },
      path: ['content', 'colours'],
    },
    {
      name: 'array of numbers',
      revisions: from('2025-11-25'),
      value: { action: 'accept', content: { picks: [1, 2] } },
      path: ['content', 'picks'],
      orAt: ['content', 'picks', 0],
    },
    {
      name: 'content is a string',
      revisions: from('2025-06-18'),
      value: { action: 'accept', content: 'yes' },
      path: ['content'],
    },
  ],
})

const elicitationCompleteNotification = vectorsFor('ElicitationCompleteNotification', {
  valid: [
    {
      name: 'elicitationId',
      revisions: only('2025-11-25'),
      value: notification('notifications/elicitation/complete', { elicitationId: 'elicit-1' }),
    },
  ],
  invalid: [
    {
      name: 'missing elicitationId',
      revisions: only('2025-11-25'),
      value: notification('notifications/elicitation/complete', {}),
      path: ['params', 'elicitationId'],
    },
    {
      name: 'elicitationId is a number',
      revisions: only('2025-11-25'),
      value: notification('notifications/elicitation/complete', { elicitationId: 1 }),
      path: ['params', 'elicitationId'],
    },
    {
      name: 'missing params',
      revisions: only('2025-11-25'),
      value: notification('notifications/elicitation/complete'),
      path: ['params'],
    },
  ],
})

const urlRequired = (error: unknown) => ({ jsonrpc: '2.0', id: 3, error })
const URL_ERROR = {
  code: -32042,
  message: 'This request requires more information.',
  data: { elicitations: [URL_PARAMS_2025] },
}

const urlElicitationRequiredError = vectorsFor('URLElicitationRequiredError', {
  valid: [
    { name: 'one elicitation', revisions: only('2025-11-25'), value: urlRequired(URL_ERROR) },
    {
      name: 'no id, extra data',
      revisions: only('2025-11-25'),
      value: { jsonrpc: '2.0', error: { ...URL_ERROR, data: { elicitations: [], hint: 'x' } } },
    },
  ],
  invalid: [
    {
      name: 'wrong code',
      revisions: only('2025-11-25'),
      value: urlRequired({ ...URL_ERROR, code: -32000 }),
      path: ['error', 'code'],
    },
    {
      name: 'missing data',
      revisions: only('2025-11-25'),
      value: urlRequired({ code: -32042, message: 'm' }),
      path: ['error', 'data'],
    },
    {
      name: 'missing elicitations',
      revisions: only('2025-11-25'),
      value: urlRequired({ ...URL_ERROR, data: {} }),
      path: ['error', 'data', 'elicitations'],
    },
    {
      name: 'elicitation without elicitationId',
      revisions: only('2025-11-25'),
      value: urlRequired({ ...URL_ERROR, data: { elicitations: [URL_PARAMS] } }),
      path: ['error', 'data', 'elicitations', 0, 'elicitationId'],
    },
  ],
})

/** Elicitation vectors. */
export const ELICITATION_VECTORS: readonly MessageVector[] = [
  ...elicitRequest,
  ...elicitResult,
  ...elicitationCompleteNotification,
  ...urlElicitationRequiredError,
]
