/**
 * schema.ts names for building blocks that no definition refers to by name (`RequestId`, `Cursor`,
 * `Role`, `JSONValue`, …). Only the root `validate` looks a type up by such a name, so only the full
 * set includes them; a client's set leaves this file out (see `client-schemas.ts`).
 */

import {
  CursorSchema,
  constant,
  JsonObjectSchema,
  JsonValueSchema,
  OpenObjectSchema,
  ProgressTokenSchema,
  RequestIdSchema,
  RoleSchema,
} from './base.ts'
import * as z from './kit/index.ts'
import type { RevisionChanges } from './registry.ts'

/** Named building blocks, by the revision that introduced them. */
export const namedBlockDefs: RevisionChanges = {
  '2024-11-05': {
    RequestId: constant(RequestIdSchema),
    ProgressToken: constant(ProgressTokenSchema),
    Cursor: constant(CursorSchema),
    Role: constant(RoleSchema),
  },
  '2026-07-28': {
    JSONValue: constant(JsonValueSchema),
    JSONObject: constant(JsonObjectSchema),
    JSONArray: () => z.array(JsonValueSchema),
    MetaObject: constant(OpenObjectSchema),
  },
}
