// Tools whose input schemas are the point: one with an x-mcp-header annotation (SEP-2243
// Mcp-Param-* header validation) and one whose JSON Schema 2020-12 keywords must reach clients
// verbatim. Both are raw JSON Schema, which mcpkit advertises exactly as given.
import type { McpServer } from 'mcpkit/server'

const HEADER_TOOL_SCHEMA = {
  type: 'object',
  properties: {
    region: {
      type: 'string',
      description: 'Mirrored into the Mcp-Param-Region header',
      'x-mcp-header': 'Region',
    },
    level: { type: 'integer', description: 'An argument without a header' },
  },
} as const

/** SEP-1613 / SEP-2106: $schema, $defs, $anchor, allOf/anyOf, if/then/else, additionalProperties. */
const JSON_SCHEMA_2020_12 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  $defs: {
    address: {
      $anchor: 'addressDef',
      type: 'object',
      properties: { street: { type: 'string' }, city: { type: 'string' } },
    },
  },
  properties: {
    name: { type: 'string' },
    address: { $ref: '#/$defs/address' },
    contactMethod: { type: 'string', enum: ['phone', 'email'] },
    phone: { type: 'string' },
    email: { type: 'string' },
  },
  allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
  if: { properties: { contactMethod: { const: 'phone' } }, required: ['contactMethod'] },
  // biome-ignore lint/suspicious/noThenProperty: `then` is a JSON Schema 2020-12 keyword.
  then: { required: ['phone'] },
  else: { required: ['email'] },
  additionalProperties: false,
} as const

/** Registers the x-mcp-header tool (listed first: header scenarios call the first tool with `{}`). */
export function registerHeaderTool(server: McpServer): void {
  server.tool(
    'test_x_mcp_header',
    {
      description: 'Takes a region that clients mirror into the Mcp-Param-Region header (SEP-2243)',
      inputSchema: HEADER_TOOL_SCHEMA,
    },
    (args) => `region=${typeof args.region === 'string' ? args.region : '<none>'}`,
  )
}

/** Registers the JSON Schema 2020-12 tool. */
export function registerJsonSchemaTool(server: McpServer): void {
  server.tool(
    'json_schema_2020_12_tool',
    {
      description: 'Input schema using JSON Schema 2020-12 keywords, advertised verbatim',
      inputSchema: JSON_SCHEMA_2020_12,
    },
    (args) => `JSON Schema 2020-12 tool called with: ${JSON.stringify(args)}`,
  )
}
