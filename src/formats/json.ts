/**
 * JSON message catalogues (i18next, react-intl, vue-i18n, Chrome
 * `messages.json`, Flutter ARB…): every string value is a segment, at any
 * depth of nesting and in arrays. Keys are never linted.
 *
 * Not linted: values under a key starting with `@` (ARB metadata such as
 * `@@locale` or `@title: {description}`), `$schema`, and values without a
 * letter. With `--source FILE` (another catalogue of the same shape), each
 * value's source is the value at the same key path there.
 *
 * The file is checked with `jsonc-parser` in strict mode (no comments, no
 * trailing commas) and `JSON.parse`; an error names its line and column.
 * Each string token is decoded here with its escapes (`\"`, `\n`,
 * `\u00e9`) mapped to raw offsets, and must decode to the parser's value.
 */
import {printParseErrorCode, visit, type JSONPath} from 'jsonc-parser'
import {FormatError, LineIndex, maskSource, SegmentBuilder, type Encoder, type Segment} from './segments.js'

const encoders: Encoder[] = [(value) => JSON.stringify(value).slice(1, -1)]

interface JsonString {
  path: JSONPath
  offset: number
  length: number
  value: string
}

/** The string values of a JSON document, with their key paths. */
function stringsOf(raw: string): JsonString[] {
  const strings: JsonString[] = []
  const lines = new LineIndex(raw)
  let failure: FormatError | undefined

  // A BOM is no JSON token: read it as a space, so offsets stay.
  visit(
    raw.replace(/^\uFEFF/, ' '),
    {
      onLiteralValue(value, offset, length, _line, _character, pathSupplier) {
        if (typeof value === 'string') strings.push({path: pathSupplier(), offset, length, value})
      },
      onError(error, offset) {
        if (failure) return
        const point = lines.point(offset)
        failure = new FormatError(`JSON: ${describe(printParseErrorCode(error))}`, point.line, point.column)
      }
    },
    {disallowComments: true, allowTrailingComma: false, allowEmptyContent: false}
  )

  if (failure) throw failure
  try {
    JSON.parse(raw.replace(/^\uFEFF/, ''))
  } catch (error) {
    const position = /position (\d+)/.exec(String((error as Error).message))
    const point = lines.point(Number(position?.[1] ?? 0))
    throw new FormatError(`JSON: ${(error as Error).message}`, point.line, point.column)
  }

  return strings
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}

/** Whether a value at `path` is a translation (not metadata). */
function translatable(path: JSONPath): boolean {
  return !path.some((key) => typeof key === 'string' && (key.startsWith('@') || key === '$schema'))
}

function pathKey(path: JSONPath): string {
  return JSON.stringify(path)
}

export function extractJson(raw: string, sourceRaw?: string): Segment[] {
  const sources = new Map<string, string>()
  if (sourceRaw !== undefined) {
    for (const item of stringsOf(sourceRaw)) sources.set(pathKey(item.path), item.value)
  }

  const segments: Segment[] = []
  for (const item of stringsOf(raw)) {
    if (!translatable(item.path) || !/\p{L}/u.test(item.value)) continue
    const builder = new SegmentBuilder(item.offset + 1)
    readString(raw, item.offset + 1, item.offset + item.length - 1, builder)
    if (builder.value !== item.value) {
      throw new FormatError('a string reads differently with the JSON parser; not linted', new LineIndex(raw).point(item.offset).line)
    }

    const source = sources.get(pathKey(item.path))
    segments.push(builder.build(encoders, {source: source === undefined ? undefined : maskSource(source)}))
  }

  return segments
}

/** Decode the JSON string content `raw[from, to)` into `builder`. */
function readString(raw: string, from: number, to: number, builder: SegmentBuilder): void {
  let index = from
  while (index < to) {
    if (raw.charCodeAt(index) !== 92 /* \ */) {
      builder.add(raw[index]!, index, index + 1)
      index++
      continue
    }

    const next = raw[index + 1]
    if (next === 'u') {
      // `\ud83d\ude00`: a pair of escapes is one character.
      let end = index + 6
      if (/^\\u[dD][89abAB]/.test(raw.slice(index, index + 4)) && raw.startsWith('\\u', end)) end += 6
      builder.add(unescape(raw, index, end), index, end)
      index = end
    } else {
      builder.add(unescape(raw, index, index + 2), index, index + 2)
      index += 2
    }
  }
}

function unescape(raw: string, start: number, end: number): string {
  return JSON.parse('"' + raw.slice(start, end) + '"') as string
}
