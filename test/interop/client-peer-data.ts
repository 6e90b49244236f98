// What every peer of the client interop tests shares: the hooks tests observe it through, and a
// paged prompt list (the official SDKs' `McpServer` never pages, so the peers page `prompts/list`
// by hand, two at a time).

/** How a test observes a peer from inside its tools. */
export interface PeerHooks {
  /** The `crash` tool calls it after its first progress report; it should kill the peer. */
  readonly onCrash?: (() => void) | undefined
  /** The `wait` tool calls it when its request was cancelled (its signal aborted). */
  readonly onCancelled?: (() => void) | undefined
}

/** A prompt as `prompts/list` describes it. */
export interface PromptEntry {
  readonly name: string
  readonly description: string
  readonly arguments?: readonly { name: string; required?: boolean }[]
}

/** Five prompts: `review` (with a completable `language`) and four without arguments. */
export const PAGED_PROMPTS: readonly PromptEntry[] = [
  {
    name: 'review',
    description: 'Asks for a code review',
    arguments: [
      { name: 'code', required: true },
      { name: 'language', required: true },
    ],
  },
  { name: 'haiku', description: 'Writes a haiku' },
  { name: 'limerick', description: 'Writes a limerick' },
  { name: 'sonnet', description: 'Writes a sonnet' },
  { name: 'ode', description: 'Writes an ode' },
]

const PAGE_SIZE = 2

/** One page of `items` after `cursor` (the cursor is the next index, as text). */
export function pageOf<TItem>(
  items: readonly TItem[],
  cursor: string | undefined,
): { items: TItem[]; nextCursor: string | undefined } {
  const start = cursor === undefined ? 0 : Number(cursor)
  const end = start + PAGE_SIZE
  return {
    items: items.slice(start, end),
    nextCursor: end < items.length ? String(end) : undefined,
  }
}

/** One page of `prompts/list` (mutable copies, as the SDKs' result types want). */
export function promptPage(cursor: string | undefined): {
  prompts: {
    name: string
    description: string
    arguments?: { name: string; required?: boolean }[]
  }[]
  nextCursor?: string
} {
  const page = pageOf(PAGED_PROMPTS, cursor)
  const prompts = page.items.map(({ arguments: args, ...prompt }) =>
    args === undefined ? prompt : { ...prompt, arguments: args.map((arg) => ({ ...arg })) },
  )
  return page.nextCursor === undefined ? { prompts } : { prompts, nextCursor: page.nextCursor }
}
