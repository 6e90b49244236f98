// Scenarios where the server asks the client for input (elicitation in both eras) and where a
// call's response stream drops and must be resumed.
import type { ElicitRequestParams, ElicitResult } from 'mcpkit/client'
import { withClient } from './connect.ts'
import type { Scenario } from './scenario.ts'

type FormValue = string | number | boolean | readonly string[]

/**
 * Accepts a form with the defaults its schema declares, as a user who submits a pre-filled form
 * unchanged (SEP-1034).
 */
export function acceptDefaults(params: ElicitRequestParams): ElicitResult {
  const properties = (params.requestedSchema?.properties ?? {}) as Record<string, unknown>
  const content: Record<string, FormValue> = {}
  for (const [name, field] of Object.entries(properties)) {
    const value = (field as { default?: unknown } | null)?.default
    if (isFormValue(value)) content[name] = value
  }
  return { action: 'accept', content }
}

function isFormValue(value: unknown): value is FormValue {
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string')
  return ['string', 'number', 'boolean'].includes(typeof value)
}

/** `elicitation-sep1034-client-defaults`: the tool elicits a form whose fields have defaults. */
export const elicitationDefaults: Scenario = (url, context) =>
  withClient(url, context, {
    options: { handlers: { elicitation: acceptDefaults } },
    body: async (client) => {
      const result = await client.callTool({ name: 'test_client_elicitation_defaults' })
      context.log(`result: ${JSON.stringify(result.content)}`)
    },
  })

/**
 * `sep-2322-client-request-state` (modern MRTR): tools answer `input_required`; the client fulfils
 * the elicitation and retries with a fresh id, echoing `requestState` byte for byte (or omitting it
 * when none came), never leaking one call's inputs into another, and treating a result without
 * `resultType` as complete.
 */
export const requestState: Scenario = (url, context) =>
  withClient(url, context, {
    options: {
      handlers: { elicitation: () => ({ action: 'accept', content: { confirmed: true } }) },
    },
    body: async (client) => {
      const names = [
        'test_mrtr_echo_state',
        'test_mrtr_no_state',
        'test_mrtr_unrelated',
        'test_mrtr_no_result_type',
      ]
      for (const name of names) {
        const result = await client.callTool({ name, arguments: {} })
        context.log(`${name}: ${JSON.stringify(result.content)}`)
      }
    },
  })

/**
 * `sse-retry` (SEP-1699): the server closes the `tools/call` stream after a `retry: 500` priming
 * event; the client waits that long, then resumes with GET and `Last-Event-ID` to get the result.
 */
export const sseRetry: Scenario = (url, context) =>
  withClient(url, context, {
    body: async (client) => {
      const tools = await client.listAllTools()
      if (!tools.some((tool) => tool.name === 'test_reconnection')) {
        throw new Error('the server does not list test_reconnection')
      }
      const result = await client.callTool({ name: 'test_reconnection', arguments: {} })
      context.log(`result: ${JSON.stringify(result.content)}`)
    },
  })
