/**
 * The byte layout of the in-memory event log: one record per event, written into a session's
 * `Uint8Array` so that kept events are not JavaScript objects (the garbage collector neither copies
 * nor marks them). Text is stored one byte per UTF-16 code unit when every unit is ASCII, else two
 * bytes per unit (little-endian): either way lossless for any JavaScript string, lone surrogates
 * included.
 *
 * A record: `u32 size` (of the whole record), `u32 expiresHigh`, `u32 expiresLow` (the expiry in
 * epoch milliseconds, split so it stays exact past 2^32), `u32 maxEventsPerStream` (the retention
 * it was appended with), then three text fields (stream id, event id, JSON), each a `u32` header
 * (`units * 2 + wide`) followed by its bytes.
 *
 * @internal
 */

/** Bytes before the first text field. */
const FIXED_BYTES = 16
/** Bytes of one text field's header. */
const FIELD_BYTES = 4
const TWO_TO_32 = 2 ** 32

/** The most bytes a record of these texts can take (every text stored wide). */
export function recordBound(streamId: string, id: string, json: string): number {
  return FIXED_BYTES + 3 * FIELD_BYTES + 2 * (streamId.length + id.length + json.length)
}

/** The exact size of a record of these texts (slower than {@link recordBound}: it reads them). */
export function recordSizeOf(streamId: string, id: string, json: string): number {
  return FIXED_BYTES + 3 * FIELD_BYTES + textBytes(streamId) + textBytes(id) + textBytes(json)
}

function textBytes(text: string): number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return 2 * text.length
  return text.length
}

function writeU32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value
  bytes[at + 1] = value >>> 8
  bytes[at + 2] = value >>> 16
  bytes[at + 3] = value >>> 24
}

function readU32(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] as number) |
      ((bytes[at + 1] as number) << 8) |
      ((bytes[at + 2] as number) << 16) |
      ((bytes[at + 3] as number) << 24)) >>>
    0
  )
}

// Writes `text` after its header at `at`; returns the offset past it.
function writeText(bytes: Uint8Array, at: number, text: string): number {
  const units = text.length
  const start = at + FIELD_BYTES
  for (let i = 0; i < units; i++) {
    const unit = text.charCodeAt(i)
    if (unit > 0x7f) return writeWide(bytes, at, text)
    bytes[start + i] = unit
  }
  writeU32(bytes, at, units * 2)
  return start + units
}

function writeWide(bytes: Uint8Array, at: number, text: string): number {
  const units = text.length
  let offset = at + FIELD_BYTES
  for (let i = 0; i < units; i++) {
    const unit = text.charCodeAt(i)
    bytes[offset++] = unit
    bytes[offset++] = unit >>> 8
  }
  writeU32(bytes, at, units * 2 + 1)
  return offset
}

/**
 * Writes one record at `at`; `bytes` must have {@link recordBound} bytes free there. Returns the
 * record's size.
 */
export function writeRecord(
  bytes: Uint8Array,
  at: number,
  record: {
    readonly streamId: string
    readonly id: string
    readonly json: string
    readonly expiresAt: number
    readonly maxEventsPerStream: number
  },
): number {
  // Whole milliseconds, rounded up: an event never expires before its TTL.
  const expires = Math.max(0, Math.ceil(record.expiresAt))
  const high = Math.floor(expires / TWO_TO_32)
  writeU32(bytes, at + 4, high)
  writeU32(bytes, at + 8, expires - high * TWO_TO_32)
  // A log never holds 2^32 events: larger limits all mean the same.
  writeU32(bytes, at + 12, Math.min(record.maxEventsPerStream, 0xffffffff))
  let offset = writeText(bytes, at + FIXED_BYTES, record.streamId)
  offset = writeText(bytes, offset, record.id)
  offset = writeText(bytes, offset, record.json)
  writeU32(bytes, at, offset - at)
  return offset - at
}

/** The size of the record at `at`. */
export function recordSize(bytes: Uint8Array, at: number): number {
  return readU32(bytes, at)
}

/** When the record at `at` expires (epoch milliseconds). */
export function recordExpiresAt(bytes: Uint8Array, at: number): number {
  return readU32(bytes, at + 4) * TWO_TO_32 + readU32(bytes, at + 8)
}

/** The `maxEventsPerStream` the record at `at` was appended with. */
export function recordMaxEvents(bytes: Uint8Array, at: number): number {
  return readU32(bytes, at + 12)
}

/** Which text of a record: its stream id, event id or JSON (in that order). */
export type RecordText = 0 | 1 | 2
/** The stream id's {@link RecordText}. */
export const STREAM_ID_TEXT = 0
/** The event id's {@link RecordText}. */
export const ID_TEXT = 1
/** The JSON's {@link RecordText}. */
export const JSON_TEXT = 2

// The offset of a text field's header within the record at `at`.
function fieldAt(bytes: Uint8Array, at: number, which: RecordText): number {
  let offset = at + FIXED_BYTES
  for (let i = 0; i < which; i++) offset += FIELD_BYTES + fieldBytes(readU32(bytes, offset))
  return offset
}

function fieldBytes(header: number): number {
  return (header >>> 1) << (header & 1)
}

/** Whether the stream id of the record at `at` is `text` (compared without decoding). */
export function recordStreamIdIs(bytes: Uint8Array, at: number, text: string): boolean {
  return fieldEquals(bytes, fieldAt(bytes, at, STREAM_ID_TEXT), text)
}

/** Whether the event id of the record at `at` is `text` (compared without decoding). */
export function recordIdIs(bytes: Uint8Array, at: number, text: string): boolean {
  return fieldEquals(bytes, fieldAt(bytes, at, ID_TEXT), text)
}

function fieldEquals(bytes: Uint8Array, field: number, text: string): boolean {
  const header = readU32(bytes, field)
  const units = header >>> 1
  if (units !== text.length) return false
  const start = field + FIELD_BYTES
  if ((header & 1) === 0) {
    for (let i = 0; i < units; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false
    return true
  }
  for (let i = 0; i < units; i++) {
    const unit = (bytes[start + 2 * i] as number) | ((bytes[start + 2 * i + 1] as number) << 8)
    if (unit !== text.charCodeAt(i)) return false
  }
  return true
}

const CHUNK_UNITS = 4096
const ascii = new TextDecoder()

/** A text of the record at `at`, decoded. */
export function recordText(bytes: Uint8Array, at: number, which: RecordText): string {
  const field = fieldAt(bytes, at, which)
  const header = readU32(bytes, field)
  const units = header >>> 1
  const start = field + FIELD_BYTES
  // ASCII decodes the same as UTF-8.
  if ((header & 1) === 0) return ascii.decode(bytes.subarray(start, start + units))
  let text = ''
  for (let first = 0; first < units; first += CHUNK_UNITS) {
    const count = Math.min(CHUNK_UNITS, units - first)
    const codes = new Array<number>(count)
    for (let i = 0; i < count; i++) {
      const offset = start + 2 * (first + i)
      codes[i] = (bytes[offset] as number) | ((bytes[offset + 1] as number) << 8)
    }
    text += String.fromCharCode(...codes)
  }
  return text
}
