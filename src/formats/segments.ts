/**
 * What every file format shares: a translated string taken out of its file
 * as a *segment*, linted as prose, with its findings and fixes put back at
 * their exact place in the file.
 *
 * A segment holds the decoded string the rules see (escapes, entities and
 * CDATA resolved; placeholders and inline markup masked) and, for every
 * decoded code unit, the raw span of the file it came from. So:
 *
 * - a finding's decoded span maps to a raw span, hence to the file's line,
 *   column and offset;
 * - a fix is applied by re-encoding only the replacement (`\"`, `\n`,
 *   `&amp;`…) and splicing it over that raw span, so every other byte of
 *   the file, inside the same string too, is kept as it was;
 * - a fix whose raw span would swallow markup (an XML tag, Markdown
 *   emphasis, a blockquote marker) is reported without a fix; a finding on
 *   a placeholder (`%s`, `{name}`, `{{count}}`, `<x id="1"/>`) is dropped.
 *
 * All segments of a file are linted together as one document (joined by
 * blank lines), so rules that use facts from the whole document see the
 * whole file, and the source-aware rules get each segment's source through
 * `file.data.mtlintSources`.
 */
import {VFile} from 'vfile'
import {lintDocument} from '../engine.js'
import {prepareRules, type MtlintOptions} from '../preset.js'
import type {MtlintMessage} from '../rule-kit.js'
import type {SourcePair} from '../source-checks.js'
import {LineIndex, lastAtOrBefore} from '../lines.js'

export {LineIndex}

/** Stands for a masked placeholder or markup: a symbol no rule reads as a word. */
export const maskChar = '\u00A4'

/** Re-escapes a decoded string for one place in the file. */
export type Encoder = (value: string) => string

export interface Segment {
  /** The decoded string, placeholders masked with `maskChar`. */
  text: string
  /** Raw start and end offset of each code unit of `text`. */
  starts: number[]
  ends: number[]
  /**
   * Index into `encoders` for each code unit (XML text and CDATA differ);
   * undefined when the whole segment has one encoder.
   */
  contexts?: number[] | undefined
  encoders: Encoder[]
  /** Decoded ranges that are placeholders or markup, never flagged. */
  masks: Array<[number, number]>
  /** Raw offset where the segment's value starts (for empty values). */
  rawStart: number
  /** The decoded source text, placeholders masked, when the file has one. */
  source?: string | undefined
  /** Whether a fix may remove raw text between two mapped code units. */
  joinableGaps?: boolean | undefined
}

/** A file that cannot be parsed: the CLI names file and line, exit 2. */
export class FormatError extends Error {
  constructor(
    readonly problem: string,
    readonly line?: number | undefined,
    readonly column?: number | undefined
  ) {
    super(line === undefined ? problem : `${line}:${column ?? 1}: ${problem}`)
    this.name = 'FormatError'
  }
}

/** Collects a segment's decoded code units with their raw spans. */
export class SegmentBuilder {
  private readonly parts: string[] = []
  readonly starts: number[] = []
  readonly ends: number[] = []
  readonly contexts: number[] = []
  readonly masks: Array<[number, number]> = []

  constructor(readonly rawStart: number) {}

  get length(): number {
    return this.starts.length
  }

  /** The decoded text so far, placeholders not masked yet. */
  get value(): string {
    return this.parts.join('')
  }

  /** `decoded` (one character, maybe two code units) stands for raw `[from, to)`. */
  add(decoded: string, from: number, to: number, context = 0): void {
    for (let index = 0; index < decoded.length; index++) {
      this.starts.push(from)
      this.ends.push(to)
      this.contexts.push(context)
    }

    this.parts.push(decoded)
  }

  /** Raw text copied as it is: each code unit maps to itself. */
  literal(raw: string, from: number, to: number, context = 0): void {
    for (let index = from; index < to; index++) {
      this.starts.push(index)
      this.ends.push(index + 1)
      this.contexts.push(context)
    }

    this.parts.push(raw.slice(from, to))
  }

  /** Everything `other` collected, after what this one has. */
  append(other: SegmentBuilder): void {
    const shift = this.length
    for (let index = 0; index < other.length; index++) {
      this.starts.push(other.starts[index]!)
      this.ends.push(other.ends[index]!)
      this.contexts.push(other.contexts[index]!)
    }

    this.parts.push(other.value)
    for (const [start, end] of other.masks) this.masks.push([start + shift, end + shift])
  }

  /** Markup standing for a placeholder (`<x id="1"/>`, inline code): masked. */
  mask(from: number, to: number, width = 3): void {
    const start = this.length
    this.add(maskChar.repeat(width), from, to, 0)
    this.masks.push([start, start + width])
  }

  build(encoders: Encoder[], extra: Partial<Segment> = {}): Segment {
    const {text, masks} = maskPlaceholders(this.value, this.masks)
    return {
      text,
      starts: this.starts,
      ends: this.ends,
      contexts: this.contexts.some((context) => context !== 0) ? this.contexts : undefined,
      encoders,
      masks,
      rawStart: this.rawStart,
      ...extra
    }
  }
}

/** A segment from a decoded string whose raw spans are known already. */
export function segmentOf(
  value: string,
  starts: number[],
  ends: number[],
  rawStart: number,
  encoders: Encoder[],
  extra: Partial<Segment> = {}
): Segment {
  const {text, masks} = maskPlaceholders(value)
  return {text, starts, ends, encoders, masks, rawStart, ...extra}
}

/** Mask the placeholders of `text`, merging them with masks already known. */
export function maskPlaceholders(
  text: string,
  known: Array<[number, number]> = []
): {text: string; masks: Array<[number, number]>} {
  const found = findPlaceholders(text)
  if (found.length === 0) return {text, masks: known}
  const chars = text.split('')
  for (const [start, end] of found) {
    for (let index = start; index < end; index++) chars[index] = maskChar
  }

  const masks = [...known, ...found].sort((a, b) => a[0] - b[0] || b[1] - a[1])
  return {text: chars.join(''), masks}
}

/** Mask placeholders in a source string (for the source-aware rules). */
export function maskSource(text: string): string {
  return maskPlaceholders(text).text
}

// printf-style: `%s`, `%1$s`, `%(name)s`, `%.2f`, `%@`, `%%`; Qt: `%1`.
const printf =
  /%(?:\d+\$)?(?:\([\w.]{1,64}\))?[-+#0]{0,4}(?:\d{1,3}|\*)?(?:\.(?:\d{1,3}|\*))?(?:hh|ll|[hlLzjtq])?[diouxXeEfFgGaAcspn@%]|%\d{1,2}(?!\d)/y
// An HTML/XML tag inside a string: `<b>`, `</a>`, `<br/>`, `<x id="1"/>`.
const tag = /<\/?[A-Za-z][\w:.-]{0,64}(?:\s[^<>]{0,300})?\/?>/y
// A character reference left in a string: `&nbsp;`, `&#160;`.
const reference = /&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#x[\dA-Fa-f]{1,6});/y
// i18next nesting: `$t(key)`.
const nesting = /\$t\([^()\n]{1,200}\)/y

/**
 * Placeholders in a translated string, as decoded ranges: printf and Qt
 * conversions, brace groups (`{name}`, `{0}`, `{{count}}`, ICU
 * `{count, plural, one {# file} other {# files}}` whole, with a `$` or `%`
 * before them), tags, character references and i18next nesting.
 * One pass; brace groups are matched with a stack.
 */
export function findPlaceholders(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = []
  const open: number[] = []
  // Matched brace groups; inner groups are dropped when an outer one closes.
  const groups: Array<[number, number]> = []

  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 123 /* { */) {
      open.push(index)
    } else if (code === 125 /* } */) {
      const start = open.pop()
      if (start === undefined) continue
      while (groups.length > 0 && groups[groups.length - 1]![0] > start) groups.pop()
      const prefix = start > 0 && (text[start - 1] === '$' || text[start - 1] === '%') ? 1 : 0
      groups.push([start - prefix, index + 1])
    } else if (code === 37 /* % */) {
      printf.lastIndex = index
      if (printf.test(text)) {
        found.push([index, printf.lastIndex])
        index = printf.lastIndex - 1
      }
    } else if (code === 60 /* < */) {
      tag.lastIndex = index
      if (tag.test(text)) {
        found.push([index, tag.lastIndex])
        index = tag.lastIndex - 1
      }
    } else if (code === 38 /* & */) {
      reference.lastIndex = index
      if (reference.test(text)) {
        found.push([index, reference.lastIndex])
        index = reference.lastIndex - 1
      }
    } else if (code === 36 /* $ */ && text.charCodeAt(index + 1) === 116 /* t */) {
      nesting.lastIndex = index
      if (nesting.test(text)) {
        found.push([index, nesting.lastIndex])
        index = nesting.lastIndex - 1
      }
    }
  }

  if (groups.length === 0) return found
  return [...found, ...groups].sort((a, b) => a[0] - b[0] || b[1] - a[1])
}


/** Blank lines between segments keep them separate paragraphs. */
const separator = '\n\n'

export interface SegmentsResult {
  messages: MtlintMessage[]
  file: VFile
}

/**
 * Lint `segments` of the file text `raw` as one document and return the
 * findings as messages on a VFile of the raw file, with raw places, raw
 * `actual` and encoded `expected`: the fix engine applies them to `raw`.
 */
export function lintSegments(
  raw: string,
  segments: Segment[],
  settings: MtlintOptions,
  filePath: string | undefined,
  documentSource?: string | undefined
): SegmentsResult {
  const starts: number[] = []
  const texts: string[] = []
  const sources: SourcePair[] = []
  let cursor = 0
  for (const segment of segments) {
    starts.push(cursor)
    texts.push(segment.text)
    if (segment.source !== undefined) {
      sources.push({start: cursor, end: cursor + segment.text.length, source: segment.source})
    }

    cursor += segment.text.length + separator.length
  }

  const value = texts.join(separator)
  const virtual = new VFile({value, path: filePath})
  // A source that cannot be paired segment by segment goes with the whole.
  virtual.data.mtlintSources =
    documentSource === undefined ? sources : [{start: 0, end: value.length, source: documentSource}]
  lintDocument(virtual, prepareRules(undefined, settings))

  const file = new VFile({value: raw, path: filePath})
  const lines = new LineIndex(raw)
  for (const message of virtual.messages as MtlintMessage[]) {
    const mapped = mapMessage(message, segments, starts)
    if (!mapped) continue
    const {from, to, fixable, segment} = mapped
    const context = segment.contexts?.[Math.min(mapped.start, segment.contexts.length - 1)] ?? 0
    const encode = segment.encoders[context] ?? segment.encoders[0]!
    const moved = file.message(message.reason, {
      place: {start: lines.point(from), end: lines.point(to)},
      ruleId: message.ruleId ?? undefined,
      source: message.source ?? undefined
    }) as MtlintMessage
    moved.actual = raw.slice(from, to)
    moved.expected = (message.expected ?? []).map((value) => encode(value))
    if (message.url) moved.url = message.url
    if (message.note) moved.note = message.note
    moved.fix = Boolean(message.fix && fixable)
  }

  return {messages: file.messages as MtlintMessage[], file}
}

interface Mapped {
  segment: Segment
  start: number
  from: number
  to: number
  fixable: boolean
}

function mapMessage(
  message: MtlintMessage,
  segments: Segment[],
  starts: number[]
): Mapped | undefined {
  const place = message.place
  const vStart = place && 'start' in place ? place.start.offset : place?.offset
  const vEnd = place && 'end' in place ? place.end.offset : vStart
  if (vStart === undefined || vEnd === undefined) return undefined

  // The segment holding the start.
  const low = lastAtOrBefore(starts, vStart)

  const segment = segments[low]
  if (!segment) return undefined
  const start = vStart - starts[low]!
  const end = vEnd - starts[low]!
  // Across two segments (through the separator): not a real finding.
  if (end > segment.text.length || end < start) return undefined

  let fixable = true
  for (const [maskStart, maskEnd] of segment.masks) {
    if (start === end) {
      // An insertion inside a placeholder.
      if (maskStart < start && start < maskEnd) return undefined
      continue
    }

    if (maskStart >= end) break
    if (maskEnd <= start) continue
    // A finding inside or cutting through a placeholder is dropped; one that
    // holds a whole placeholder stays, without a fix.
    if (maskStart < start || maskEnd > end) return undefined
    fixable = false
  }

  const length = segment.text.length
  let from: number
  let to: number
  if (start < end) {
    from = segment.starts[start]!
    to = segment.ends[end - 1]!
  } else {
    from =
      start < length ? segment.starts[start]! : length > 0 ? segment.ends[length - 1]! : segment.rawStart
    to = from
  }

  for (let index = start; index < end - 1 && fixable; index++) {
    if (segment.contexts && segment.contexts[index] !== segment.contexts[index + 1]) fixable = false
    else if (!segment.joinableGaps && segment.ends[index] !== segment.starts[index + 1]) fixable = false
  }

  return {segment, start, from, to, fixable}
}
