/**
 * Markdown: the prose of every paragraph, heading and table cell is a
 * segment; code (fenced, indented and inline), HTML, front matter (YAML and
 * TOML), link and image targets, bare URLs and autolinks, math and
 * definitions are never linted.
 *
 * Parsed with `remark-parse` (+ `remark-gfm`, `remark-frontmatter`).
 * `remark-retext` is not used for the positions: `mdast-util-to-nlcst`
 * places each word by adding up the lengths of the decoded text, so after a
 * blockquote marker (`> `), a list indent, an escape (`\*`) or an entity
 * (`&amp;`) every later word of the paragraph points at the wrong bytes, and
 * a fix there would overwrite the wrong text. Here each text node is aligned
 * with its raw source character by character instead: the markup between
 * (`**`, `> `, `\`) stays outside every fix.
 */
import type {Nodes, Parent, PhrasingContent, RootContent} from 'mdast'
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {SegmentBuilder, type Encoder, type Segment} from './segments.js'

const encoders: Encoder[] = [(value) => value.replace(/[\\`*_[\]<|]/g, (char) => '\\' + char)]

/** Blocks whose content is never prose. */
const skipped = new Set(['code', 'html', 'yaml', 'toml', 'definition', 'thematicBreak', 'math'])
/** Blocks whose children are phrasing content: one segment each. */
const prose = new Set(['paragraph', 'heading', 'tableCell'])
/** Inline nodes that stand for something other than prose: masked. */
const masked = new Set(['inlineCode', 'inlineMath', 'html', 'image', 'imageReference', 'footnoteReference'])

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])

export function extractMarkdown(raw: string): Segment[] {
  const tree = processor.parse(raw)
  const segments: Segment[] = []
  walk(tree, raw, segments)
  return segments
}

function walk(node: Nodes, raw: string, segments: Segment[]): void {
  if (skipped.has(node.type)) return
  if (prose.has(node.type)) {
    const start = node.position?.start.offset
    if (start === undefined) return
    const builder = new SegmentBuilder(start)
    inline(node as Parent, raw, builder)
    const segment = builder.build(encoders)
    if (/\p{L}/u.test(segment.text)) segments.push(segment)
    return
  }

  if ('children' in node) {
    for (const child of node.children as RootContent[]) walk(child, raw, segments)
  }
}

function inline(parent: Parent, raw: string, builder: SegmentBuilder): void {
  for (const child of parent.children as PhrasingContent[]) {
    const start = child.position?.start.offset
    const end = child.position?.end.offset
    if (start === undefined || end === undefined) continue

    if (child.type === 'text') {
      if (!align(raw, child.value, start, end, builder)) builder.mask(start, end)
    } else if (masked.has(child.type)) {
      builder.mask(start, end)
    } else if (child.type === 'break') {
      builder.add('\n', start, end)
    } else if (child.type === 'link' && isBareUrl(child.url, textOf(child))) {
      builder.mask(start, end)
    } else if ('children' in child) {
      inline(child, raw, builder)
    } else {
      builder.mask(start, end)
    }
  }
}

/**
 * Map each character of a text node's `value` to its raw source in
 * `raw[from, to)`: the same character, a backslash escape (`\*`), a
 * character reference (`&amp;`), or a CR LF for a line end. Raw characters
 * that stand for nothing in the value (a blockquote `> ` or list indent on
 * a continuation line) are skipped; they become gaps no fix crosses.
 */
function align(raw: string, value: string, from: number, to: number, into: SegmentBuilder): boolean {
  const builder = new SegmentBuilder(from)
  let at = from
  let index = 0
  while (index < value.length) {
    const char = value[index]!
    let matched = false
    while (at < to) {
      const rawChar = raw[at]!
      // Escapes and references first: `\*` and `&amp;` are one character.
      if (rawChar === '\\' && raw[at + 1] === char && /[!-/:-@[-`{-~]/.test(char)) {
        builder.add(char, at, at + 2)
        at += 2
        index++
        matched = true
      } else if (rawChar === '&' && reference(raw, at, value, index, builder)) {
        at = builder.ends[builder.ends.length - 1]!
        index = builder.length
        matched = true
      } else if (rawChar === char) {
        builder.add(char, at, at + 1)
        at++
        index++
        matched = true
      } else if (rawChar === '\r' && char === '\n' && raw[at + 1] === '\n') {
        builder.add('\n', at, at + 2)
        at += 2
        index++
        matched = true
      }

      if (matched) break
      at++
    }

    if (!matched) return false
  }

  into.append(builder)
  return true
}

/** A character reference at `raw[at]` standing for `value` at `index`: added. */
function reference(raw: string, at: number, value: string, index: number, builder: SegmentBuilder): boolean {
  const match = /^&(#\d{1,7}|#[xX][\dA-Fa-f]{1,6}|[A-Za-z][A-Za-z\d]{0,31});/.exec(raw.slice(at, at + 40))
  const decoded = match ? decodeReference(match[1]!) : undefined
  if (!match || !decoded || !value.startsWith(decoded, index)) return false
  builder.add(decoded, at, at + match[0].length)
  return true
}

function decodeReference(name: string): string | undefined {
  if (name[0] !== '#') return decodeNamedCharacterReference(name) || undefined
  const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10)
  if (!Number.isInteger(code) || code > 0x10ffff) return undefined
  return String.fromCodePoint(code === 0 ? 0xfffd : code)
}

/** A link whose text is its address (`<https://…>`, a bare `www.…` or URL). */
function isBareUrl(url: string, text: string): boolean {
  return url === text || url === 'mailto:' + text || url === 'http://' + text || url === 'https://' + text
}

function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('')
  return ''
}
