/**
 * XLIFF 1.2 and 2.x: every `<target>` of a translation unit is a segment
 * (XLIFF 1.2 `<trans-unit>`, XLIFF 2 `<segment>`), with its `<source>` as
 * the source text.
 *
 * Not linted: units marked `translate="no"` (on the unit or a group above
 * it), the proposals in `<alt-trans>` (1.2) and `<ignorable>` content (2.x).
 *
 * Inline content: the text of `<g>`, `<mrk>` and `<pc>` is linted (their
 * tags are markup a fix never crosses); the placeholders `<x/>`, `<bx/>`,
 * `<ex/>`, `<ph>`, `<bpt>`, `<ept>`, `<it>`, `<sc/>`, `<ec/>`, `<sm/>`,
 * `<em/>`, `<cp/>`, and protected markers (`mtype="protected"`,
 * `translate="no"`) are masked whole. Entities and CDATA are decoded; a fix
 * is written back escaped for where it goes (`&amp;` in text, raw in CDATA).
 *
 * The file is parsed with `saxes` (a well-formedness error names its line
 * and column); the content of each target is then read from the raw text
 * between its tags, so every character keeps its offset.
 */
import {SaxesParser} from 'saxes'
import {FormatError, SegmentBuilder, type Encoder, type Segment} from './segments.js'

/** Elements whose content is translatable text. */
const containers = new Set(['g', 'mrk', 'pc'])
/** Elements that hold the units' translations, by XLIFF version. */
const unitElements = new Set(['trans-unit', 'segment'])
/** Elements whose `<source>`/`<target>` are not the translation. */
const skippedElements = new Set(['alt-trans', 'ignorable'])

const encoders: Encoder[] = [
  (value) => value.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;')),
  (value) => value.replace(/]]>/g, ']]]]><![CDATA[>')
]

const entities: Record<string, string> = {lt: '<', gt: '>', amp: '&', quot: '"', apos: "'"}

interface Open {
  local: string
  contentStart: number
  skip: boolean
}

interface Unit {
  source?: [number, number] | undefined
  target?: [number, number] | undefined
  skip: boolean
}

export function extractXliff(raw: string): Segment[] {
  const parser = new SaxesParser({position: true})
  const stack: Open[] = []
  const units: Unit[] = []
  let unit: Unit | undefined
  let root: string | undefined

  parser.on('error', (error) => {
    const match = /^(\d+):(\d+): (.*)$/s.exec(error.message)
    throw match
      ? new FormatError('XML: ' + match[3]!.replace(/\.$/, ''), Number(match[1]), Math.max(1, Number(match[2])))
      : new FormatError('XML: ' + error.message, parser.line)
  })

  parser.on('opentag', (tag) => {
    const local = localName(tag.name)
    if (root === undefined) {
      root = local
      if (local !== 'xliff') {
        throw new FormatError(`not an XLIFF file (the root element is <${tag.name}>)`, parser.line)
      }
    }

    const parent = stack[stack.length - 1]
    const attributes = tag.attributes as Record<string, string>
    const skip =
      Boolean(parent?.skip) || attributes.translate === 'no' || skippedElements.has(local)
    stack.push({local, contentStart: parser.position, skip})
    if (unitElements.has(local) && !parent?.skip) {
      unit = {skip}
      units.push(unit)
    }
  })

  parser.on('closetag', (tag) => {
    const open = stack.pop()
    if (!open) return
    const parent = stack[stack.length - 1]
    if (
      unit &&
      (open.local === 'source' || open.local === 'target') &&
      parent &&
      unitElements.has(parent.local)
    ) {
      const end = tag.isSelfClosing ? open.contentStart : raw.lastIndexOf('</', parser.position - 1)
      unit[open.local] = [open.contentStart, end]
    }

    if (unitElements.has(open.local)) unit = undefined
  })

  parser.write(raw).close()

  const segments: Segment[] = []
  for (const {source, target, skip} of units) {
    if (skip || !target) continue
    const builder = new SegmentBuilder(target[0])
    readContent(raw, target[0], target[1], builder)
    if (builder.length === 0) continue
    let sourceText: string | undefined
    if (source) {
      const sourceBuilder = new SegmentBuilder(source[0])
      readContent(raw, source[0], source[1], sourceBuilder)
      sourceText = sourceBuilder.build(encoders).text
    }

    const segment = builder.build(encoders, {source: sourceText})
    if (segment.text.trim() === '') continue
    segments.push(segment)
  }

  return segments
}

/** Decode the inline content of `raw[from, to)` into `builder`. */
function readContent(raw: string, from: number, to: number, builder: SegmentBuilder): void {
  let index = from
  while (index < to) {
    const code = raw.charCodeAt(index)
    if (code === 60 /* < */) {
      if (raw.startsWith('<![CDATA[', index)) {
        const close = raw.indexOf(']]>', index + 9)
        let at = index + 9
        while (at < close) at = readChar(raw, at, builder, 1)
        index = close + 3
      } else if (raw.startsWith('<!--', index)) {
        index = raw.indexOf('-->', index + 4) + 3
      } else if (raw.startsWith('<?', index)) {
        index = raw.indexOf('?>', index + 2) + 2
      } else {
        const tag = readTag(raw, index)
        if (tag.closing || (containers.has(tag.local) && !tag.protected)) {
          index = tag.end
        } else {
          const end = tag.selfClosing ? tag.end : matchingEnd(raw, tag.end, tag.name)
          builder.mask(index, end)
          index = end
        }
      }
    } else if (code === 38 /* & */) {
      const semi = raw.indexOf(';', index)
      const decoded = decodeEntity(raw.slice(index + 1, semi))
      if (decoded === undefined) builder.mask(index, semi + 1, 1)
      else builder.add(decoded, index, semi + 1)
      index = semi + 1
    } else {
      index = readChar(raw, index, builder, 0)
    }
  }
}

/** One character of text (CR LF and lone CR read as LF, as XML does). */
function readChar(raw: string, index: number, builder: SegmentBuilder, context: number): number {
  if (raw.charCodeAt(index) === 13) {
    const end = raw.charCodeAt(index + 1) === 10 ? index + 2 : index + 1
    builder.add('\n', index, end, context)
    return end
  }

  builder.add(raw[index]!, index, index + 1, context)
  return index + 1
}

interface Tag {
  name: string
  local: string
  closing: boolean
  selfClosing: boolean
  protected: boolean
  end: number
}

/** The tag starting at `start` (`<name attr="…">`), well-formed already. */
function readTag(raw: string, start: number): Tag {
  const closing = raw[start + 1] === '/'
  const nameStart = start + (closing ? 2 : 1)
  let index = nameStart
  while (index < raw.length && !/[\s/>]/.test(raw[index]!)) index++
  const name = raw.slice(nameStart, index)
  let quote: string | undefined
  const attributesStart = index
  while (index < raw.length) {
    const char = raw[index]!
    if (quote) {
      if (char === quote) quote = undefined
    } else if (char === '"' || char === "'") {
      quote = char
    } else if (char === '>') {
      break
    }

    index++
  }

  const attributes = raw.slice(attributesStart, index)
  return {
    name,
    local: localName(name),
    closing,
    selfClosing: raw[index - 1] === '/',
    protected: /\b(?:mtype\s*=\s*["']protected["']|translate\s*=\s*["']no["'])/.test(attributes),
    end: index + 1
  }
}

/** The offset after the end tag matching an element named `name` opened before `from`. */
function matchingEnd(raw: string, from: number, name: string): number {
  let depth = 1
  let index = from
  for (;;) {
    index = raw.indexOf('<', index)
    if (index === -1) return raw.length
    if (raw.startsWith('<![CDATA[', index)) {
      index = raw.indexOf(']]>', index) + 3
      continue
    }

    if (raw.startsWith('<!--', index)) {
      index = raw.indexOf('-->', index) + 3
      continue
    }

    if (raw.startsWith('<?', index)) {
      index = raw.indexOf('?>', index) + 2
      continue
    }

    const tag = readTag(raw, index)
    if (tag.name === name) {
      if (tag.closing) depth--
      else if (!tag.selfClosing) depth++
      if (depth === 0) return tag.end
    }

    index = tag.end
  }
}

function decodeEntity(name: string): string | undefined {
  if (name.startsWith('#x') || name.startsWith('#X')) return fromCode(Number.parseInt(name.slice(2), 16))
  if (name.startsWith('#')) return fromCode(Number.parseInt(name.slice(1), 10))
  return entities[name]
}

function fromCode(code: number): string | undefined {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined
}

function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(colon + 1)
}
