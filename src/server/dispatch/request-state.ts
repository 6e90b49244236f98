/**
 * `requestState` of 2026-07-28 multi round-trip requests. It travels through the client, so it is
 * attacker-controlled: mcpkit signs it with HMAC-SHA256 (Web Crypto), binds it to the request it
 * was issued for (method, tool/prompt name or URI, and a digest of the arguments), and gives it an
 * expiry. Anything that fails verification is refused with `-32602`.
 *
 * Wire form: `base64url(JSON body) "." base64url(HMAC(key, body))`. The body is signed, not
 * encrypted: it holds the client's own earlier answers, nothing secret.
 */
import { ProtocolError } from '../../core/errors/protocol-error.ts'

/** What a `requestState` carries from one round to the next. */
export interface StatePayload {
  /** The request it belongs to (see {@link requestBinding}). */
  readonly binding: string
  /** The input responses used in earlier rounds, by key. */
  readonly answers: Readonly<Record<string, unknown>>
  /** How many rounds asked for input so far. */
  readonly round: number
}

/** Options of {@link RequestStateCodec}. */
export interface RequestStateCodecOptions {
  /** The HMAC key; a random 32-byte key when absent. */
  readonly secret: Uint8Array | string | undefined
  /** How long an issued state stays valid. */
  readonly ttlMs: number
}

interface WireBody {
  readonly v: 1
  readonly b: string
  readonly a: Record<string, unknown>
  readonly r: number
  readonly e: number
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'))
    const bytes = new Uint8Array(binary.length)
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
    return bytes
  } catch {
    return undefined
  }
}

/** JSON with object keys sorted, so equal values always serialise alike. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item
    const sorted: Record<string, unknown> = {}
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key]
    return sorted
  })
}

/**
 * The binding of a request: its method and target in clear, its arguments as a SHA-256 digest.
 *
 * @example
 * await requestBinding(['tools/call', 'book_flight', { to: 'LIS' }]) // 'tools/call book_flight 3q2…'
 */
export async function requestBinding(
  parts: readonly [method: string, target: string, args: unknown],
): Promise<string> {
  const [method, target, args] = parts
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(canonicalJson(args ?? {})))
  return `${method} ${target} ${toBase64Url(new Uint8Array(digest))}`
}

function invalidState(reason: string): ProtocolError {
  return ProtocolError.invalidParams(`Invalid requestState: ${reason}`)
}

function isWireBody(value: unknown): value is WireBody {
  if (typeof value !== 'object' || value === null) return false
  const body = value as Partial<WireBody>
  return (
    body.v === 1 &&
    typeof body.b === 'string' &&
    typeof body.a === 'object' &&
    body.a !== null &&
    !Array.isArray(body.a) &&
    Number.isSafeInteger(body.r) &&
    Number.isSafeInteger(body.e)
  )
}

/** Seals and opens `requestState` values. */
export class RequestStateCodec {
  readonly #ttlMs: number
  readonly #secret: Uint8Array<ArrayBuffer>
  #key: Promise<CryptoKey> | undefined

  constructor(options: RequestStateCodecOptions) {
    this.#ttlMs = options.ttlMs
    const { secret } = options
    this.#secret =
      secret === undefined
        ? crypto.getRandomValues(new Uint8Array(32))
        : typeof secret === 'string'
          ? encoder.encode(secret)
          : new Uint8Array(secret)
  }

  /** Signs `payload` into an opaque string. */
  async seal(payload: StatePayload): Promise<string> {
    const body: WireBody = {
      v: 1,
      b: payload.binding,
      a: { ...payload.answers },
      r: payload.round,
      e: Date.now() + this.#ttlMs,
    }
    const encoded = toBase64Url(encoder.encode(JSON.stringify(body)))
    const mac = await crypto.subtle.sign('HMAC', await this.#cryptoKey(), encoder.encode(encoded))
    return `${encoded}.${toBase64Url(new Uint8Array(mac))}`
  }

  /**
   * Verifies `state` (signature, expiry, binding to `binding`) and returns its payload; throws a
   * `-32602` `ProtocolError` otherwise.
   */
  async open(state: string, binding: string): Promise<StatePayload> {
    const [encoded, signature, extra] = state.split('.')
    const mac = signature === undefined ? undefined : fromBase64Url(signature)
    if (encoded === undefined || mac === undefined || extra !== undefined) {
      throw invalidState('malformed')
    }
    const key = await this.#cryptoKey()
    if (!(await crypto.subtle.verify('HMAC', key, mac, encoder.encode(encoded)))) {
      throw invalidState('integrity check failed')
    }
    let body: unknown
    try {
      body = JSON.parse(decoder.decode(fromBase64Url(encoded)))
    } catch {
      throw invalidState('malformed')
    }
    if (!isWireBody(body)) throw invalidState('malformed')
    if (body.e <= Date.now()) throw invalidState('expired')
    if (body.b !== binding) throw invalidState('issued for a different request')
    return { binding: body.b, answers: body.a, round: body.r }
  }

  #cryptoKey(): Promise<CryptoKey> {
    this.#key ??= crypto.subtle.importKey(
      'raw',
      this.#secret,
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    )
    return this.#key
  }
}
