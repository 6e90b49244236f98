/**
 * @module
 * Node entry: the only part of mcpkit that loads Node built-ins. Adapters from Node streams and
 * sockets to mcpkit's web-standard core.
 *
 * @example
 * import { createJsonRpcEngine } from 'mcpkit'
 * import { createStdioConnection } from 'mcpkit/node'
 *
 * const engine = createJsonRpcEngine({ connection: createStdioConnection(), onRequest })
 */
export {
  createStdioConnection,
  readableFromNode,
  type StdioConnectionOptions,
  writableFromNode,
} from './stdio-connection.ts'
