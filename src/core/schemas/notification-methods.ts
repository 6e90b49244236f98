/**
 * The notification methods of each revision: who sends them and which schema.ts type describes the
 * message. Only the full set reads this table (for its message unions and the server's dispatch); a
 * client validates no notification, so its set leaves the table out (see `client-schemas.ts`).
 */
import type { MethodSpec, MethodTable } from './methods.ts'
import { REMOVED } from './registry.ts'

/** A notification whose schema.ts type is `<name>Notification`. */
function notification(from: MethodSpec['from'], name: string): MethodSpec {
  return { kind: 'notification', from, message: `${name}Notification` }
}

/** The notification methods of each revision. */
export const NOTIFICATION_METHODS: MethodTable = {
  '2024-11-05': {
    'notifications/cancelled': notification('both', 'Cancelled'),
    'notifications/progress': notification('both', 'Progress'),
    'notifications/initialized': notification('client', 'Initialized'),
    'notifications/roots/list_changed': notification('client', 'RootsListChanged'),
    'notifications/message': notification('server', 'LoggingMessage'),
    'notifications/resources/updated': notification('server', 'ResourceUpdated'),
    'notifications/resources/list_changed': notification('server', 'ResourceListChanged'),
    'notifications/tools/list_changed': notification('server', 'ToolListChanged'),
    'notifications/prompts/list_changed': notification('server', 'PromptListChanged'),
  },
  '2025-03-26': {},
  '2025-06-18': {},
  '2025-11-25': {
    'notifications/tasks/status': notification('both', 'TaskStatus'),
    'notifications/elicitation/complete': notification('server', 'ElicitationComplete'),
  },
  '2026-07-28': {
    'notifications/initialized': REMOVED,
    'notifications/roots/list_changed': REMOVED,
    'notifications/tasks/status': REMOVED,
    'notifications/elicitation/complete': REMOVED,
    'notifications/progress': notification('server', 'Progress'),
    'notifications/subscriptions/acknowledged': notification('server', 'SubscriptionsAcknowledged'),
  },
}
