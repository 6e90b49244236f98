/**
 * @module
 * MCP method dispatch for both eras. Transports build a {@link RequestScope} per request and call
 * `ServerRegistry.dispatch`; these are the types they implement and receive.
 */
export type { ServerNotifier } from '../registry/notifier-hub.ts'
export type { InitializeOutcome, InitializeResult } from './initialize.ts'
export type {
  ChannelRequestOptions,
  NotificationScope,
  RequestChannel,
  RequestScope,
  SessionHandle,
} from './scope.ts'
