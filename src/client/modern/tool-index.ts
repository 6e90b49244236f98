/**
 * What the client remembers of `tools/list` on modern HTTP: each tool's `Mcp-Param-*` bindings, so a
 * `tools/call` can mirror its arguments into headers; tools with invalid `x-mcp-header`
 * annotations are dropped from the list (and reported) as SEP-2243 requires.
 *
 * @internal
 */
import type { ListToolsResult, Tool } from '../result-types.ts'
import { checkToolHeaders, type ParamBinding, paramHeaders } from './tool-headers.ts'

/** A tool that was dropped, and why. */
export interface DroppedTool {
  readonly name: string
  readonly reason: string
}

/** The tool bindings of one client. */
export class ToolIndex {
  readonly #bindings = new Map<string, readonly ParamBinding[]>()
  #complete = false

  /** Whether every page of `tools/list` was seen since the last invalidation. */
  get complete(): boolean {
    return this.#complete
  }

  /**
   * Checks one page: records the bindings of valid tools and returns the page without the invalid
   * ones. `last` marks the final page.
   */
  filterPage(
    page: ListToolsResult,
    last: boolean,
  ): { page: ListToolsResult; dropped: DroppedTool[] } {
    const kept: Tool[] = []
    const dropped: DroppedTool[] = []
    for (const tool of page.tools) {
      const check = checkToolHeaders(tool.inputSchema)
      if (check.ok) {
        this.#bindings.set(tool.name, check.bindings)
        kept.push(tool)
      } else {
        this.#bindings.delete(tool.name)
        dropped.push({ name: tool.name, reason: check.reason })
      }
    }
    if (last) this.#complete = true
    return { page: dropped.length === 0 ? page : { ...page, tools: kept }, dropped }
  }

  /** The `Mcp-Param-*` headers of a call to `name`; none for an unknown tool. */
  headersFor(name: string, args: unknown): Record<string, string> {
    return paramHeaders(this.#bindings.get(name) ?? [], args)
  }

  /** Counts the list as seen, e.g. after listing failed, so calls do not keep trying. */
  markListed(): void {
    this.#complete = true
  }

  /** Forgets everything (the tool list changed). */
  invalidate(): void {
    this.#bindings.clear()
    this.#complete = false
  }
}
