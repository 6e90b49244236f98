// The conformance client fixture (SPEC §11.5): `npm run -s fixture:client -- <url>`, with the
// scenario in MCP_CONFORMANCE_SCENARIO. The suite runs it once per scenario, against a mock server
// whose URL is the last argument; exit 0 means the client did its part.
// It imports mcpkit through the package's public entries, so it runs the built `dist/`.
import {
  initialize,
  jsonSchemaPreservation,
  jsonSchemaRefNoDeref,
  requestMetadata,
  toolsCall,
  withoutAuth,
} from './basic-scenarios.ts'
import type { ScenarioContext } from './connect.ts'
import { customHeaders, invalidToolHeaders, standardHeaders } from './header-scenarios.ts'
import { elicitationDefaults, requestState, sseRetry } from './input-scenarios.ts'
import type { Scenario } from './scenario.ts'

const SCENARIOS: Readonly<Record<string, Scenario>> = {
  initialize,
  tools_call: toolsCall,
  'request-metadata': requestMetadata,
  'elicitation-sep1034-client-defaults': elicitationDefaults,
  'sse-retry': sseRetry,
  'sep-2322-client-request-state': requestState,
  'http-standard-headers': standardHeaders,
  'http-custom-headers': customHeaders,
  'http-invalid-tool-headers': invalidToolHeaders,
  'json-schema-ref-no-deref': jsonSchemaRefNoDeref,
  'json-schema-2020-12-preservation': jsonSchemaPreservation,
}

function scenarioFor(name: string): Scenario | undefined {
  return SCENARIOS[name] ?? (name.startsWith('auth/') ? withoutAuth : undefined)
}

function parseInputs(raw: string | undefined): Record<string, unknown> {
  if (raw === undefined || raw === '') return {}
  const parsed: unknown = JSON.parse(raw)
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}
}

function usage(message: string): never {
  console.error(message)
  console.error('usage: [MCP_CONFORMANCE_SCENARIO=<scenario>] everything-client <server-url>')
  console.error(`scenarios: ${Object.keys(SCENARIOS).join(', ')}, auth/*`)
  process.exit(2)
}

// By hand (no MCP_CONFORMANCE_SCENARIO), the fixture connects, lists the tools and closes.
const name = process.env.MCP_CONFORMANCE_SCENARIO || 'initialize'
const url = process.argv.at(-1)
if (url === undefined || !/^https?:\/\//.test(url))
  usage('the last argument must be the server URL')
const scenario = scenarioFor(name) ?? usage(`unknown scenario: ${name}`)
const context: ScenarioContext = {
  revision: process.env.MCP_CONFORMANCE_PROTOCOL_VERSION || undefined,
  inputs: parseInputs(process.env.MCP_CONFORMANCE_CONTEXT),
  log: (message) => console.error(`[${name}] ${message}`),
}

try {
  await scenario(url, context)
  process.exit(0)
} catch (error) {
  console.error(`[${name}] failed:`, error)
  process.exit(1)
}
