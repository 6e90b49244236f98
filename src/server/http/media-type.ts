/**
 * `Content-Type` and `Accept` parsing (RFC 9110 §8.3.1 and §12.5.1). Media types are parsed, never
 * matched as substrings: `application/jsonx` is not JSON, and `text/event-stream;q=0` is a refusal.
 */

/** `application/json`: the only request body mcpkit reads, and a JSON-RPC reply. */
export const JSON_MEDIA_TYPE = 'application/json'

/** `text/event-stream`: an SSE reply. */
export const SSE_MEDIA_TYPE = 'text/event-stream'

// Clients send the same few header values over and over: remember the answers for them.
const CACHE_LIMIT = 64

/**
 * The essence (`type/subtype`, lower-cased, without parameters) of a `Content-Type` value, or
 * `undefined` when the header is missing or malformed.
 *
 * @example
 * mediaTypeEssence('Application/JSON; charset=utf-8') // 'application/json'
 * mediaTypeEssence('json') // undefined
 */
export function mediaTypeEssence(header: string | null | undefined): string | undefined {
  if (header === null || header === undefined) return undefined
  const end = header.indexOf(';')
  const essence = (end === -1 ? header : header.slice(0, end)).trim().toLowerCase()
  return MEDIA_TYPE.test(essence) ? essence : undefined
}

const TOKEN = "[!#$%&'*+.^_`|~0-9a-z-]+"
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}$`)

/** One media range of an `Accept` header with its weight. */
interface MediaRange {
  readonly type: string
  readonly subtype: string
  readonly q: number
}

const acceptCache = new Map<string, readonly MediaRange[]>()

/**
 * Whether an `Accept` header admits every one of `types`. A missing header admits everything
 * (RFC 9110 §12.5.1); for each type the most specific matching range decides, and `q=0` refuses.
 *
 * @example
 * accepts('application/json, text/event-stream', [JSON_MEDIA_TYPE, SSE_MEDIA_TYPE]) // true
 * accepts('*\/*;q=0.1, text/event-stream;q=0', [SSE_MEDIA_TYPE]) // false
 */
export function accepts(header: string | null | undefined, types: readonly string[]): boolean {
  if (header === null || header === undefined) return true
  const ranges = parseAccept(header)
  for (const type of types) if (!admits(ranges, type)) return false
  return true
}

function parseAccept(header: string): readonly MediaRange[] {
  const cached = acceptCache.get(header)
  if (cached !== undefined) return cached
  const ranges: MediaRange[] = []
  for (const part of header.split(',')) {
    const range = parseRange(part)
    if (range !== undefined) ranges.push(range)
  }
  if (acceptCache.size >= CACHE_LIMIT) acceptCache.clear()
  acceptCache.set(header, ranges)
  return ranges
}

function parseRange(part: string): MediaRange | undefined {
  const [essence = '', ...params] = part.split(';')
  const [type, subtype, extra] = essence.trim().toLowerCase().split('/')
  if (type === undefined || subtype === undefined || extra !== undefined) return undefined
  if (type === '' || subtype === '') return undefined
  let q = 1
  for (const param of params) {
    const [name = '', value = ''] = param.split('=')
    if (name.trim().toLowerCase() !== 'q') continue
    const weight = Number(value.trim())
    q = Number.isFinite(weight) && weight >= 0 && weight <= 1 ? weight : 0
  }
  return { type, subtype, q }
}

function admits(ranges: readonly MediaRange[], mediaType: string): boolean {
  const slash = mediaType.indexOf('/')
  const type = mediaType.slice(0, slash)
  const subtype = mediaType.slice(slash + 1)
  let best: MediaRange | undefined
  let bestRank = -1
  for (const range of ranges) {
    const rank = specificity(range, { type, subtype })
    if (rank > bestRank) {
      best = range
      bestRank = rank
    }
  }
  return best !== undefined && best.q > 0
}

// -1: no match; 0: */*; 1: type/*; 2: exact.
function specificity(range: MediaRange, target: { type: string; subtype: string }): number {
  if (range.type === '*' && range.subtype === '*') return 0
  if (range.type !== target.type) return -1
  if (range.subtype === '*') return 1
  return range.subtype === target.subtype ? 2 : -1
}
