/**
 * Linear-time parsing of a whole document into one nlcst tree.
 *
 * parse-english is superlinear on one long string (it builds one flat token
 * list and merges with `splice`: 8 MB took 70 s and 1.2 GB), but linear on
 * paragraph-sized pieces. So the document is cut into pieces at blank lines
 * (and, in a long paragraph, where a sentence ends; see `cutPieces`), each
 * piece is parsed on its own, its positions are moved
 * to document coordinates, and the pieces' children are joined under one
 * root. Rules that need the whole document (a name used elsewhere) still get
 * all of it.
 */
import type {Paragraph, Root, RootContent, Sentence, SentenceContent} from 'nlcst'
import type {Point} from 'unist'
import type {Plugin} from 'unified'
import {ParseEnglish} from 'parse-english'

/**
 * parse-latin's `breakImplicitSentences` (a sentence is broken at white
 * space holding two line breaks) splits every white space node with a
 * regular expression to count its line breaks: a fifth of everything the
 * parser allocates. `PieceParser` runs `breakAtBlankLines` in its place,
 * which counts them in place and changes the tree in exactly the same way
 * (a test compares the trees). Found by identity in parse-latin's own
 * module; if a later parse-latin moves it, the parser keeps the original.
 */
const latinBreak = await import(
  new URL('lib/plugin/break-implicit-sentences.js', import.meta.resolve('parse-latin')).href
).then(
  (module: {breakImplicitSentences?: unknown}) => module.breakImplicitSentences,
  () => undefined
)

/**
 * Past this many characters a piece ends where a sentence ends outside
 * quotation marks (a full stop, `!` or `?` not followed by a lower-case
 * letter): at a line end, or (in a line at least this long) after a single
 * space. A piece's tree stays alive while every rule reads it:
 * kept small, trees die young, and V8's young generation stays small too
 * (16K pieces cost ~8 MB more at 8 MB).
 */
const softLimit = 4096
/** Past twice that, where any sentence ends, also mid-line or inside quotation marks. */
const sentenceLimit = softLimit * 2
/** Past four times that, at any line end or single space. */
const anyLimit = softLimit * 4
/** No piece is longer than this, give or take a surrogate pair (hard cut). */
const hardLimit = 65_536

export interface Piece {
  start: number
  end: number
}

/**
 * Cut `text` into contiguous pieces covering it exactly: each piece ends
 * after a blank line (`\n`, `\r\n` or a lone `\r`, as parse-english reads
 * them), or, once long, where a sentence ends (see `softLimit`). A piece is
 * cut between two words of a sentence or inside a run of spaces only when
 * no sentence has ended for 16K characters, so that the rules find in
 * pieces what they find in the whole paragraph. Yielded one by one, so
 * that a long document's pieces are never all held.
 */
export function* cutPieces(text: string): Generator<Piece> {
  let start = 0
  let index = 0
  const length = text.length
  // Where the line at hand starts, and whether the paragraph is inside
  // quotation marks here: a cut there would part a quote from its
  // attribution.
  let lineStart = 0
  let quoted = false

  while (index < length) {
    const code = text.charCodeAt(index)

    if (code === 10 /* \n */ || code === 13 /* \r */) {
      const after = code === 13 && text.charCodeAt(index + 1) === 10 ? index + 2 : index + 1
      // A blank line: the next line holds only spaces or tabs.
      let next = after
      while (next < length && isSpaceOrTab(text.charCodeAt(next))) next++
      const blank = next < length && isLineBreak(text.charCodeAt(next))
      const size = index - start
      if (
        blank ||
        (size >= softLimit &&
          (!quoted || size >= sentenceLimit) &&
          endsSentence(text, index, start) &&
          !isLowerCase(text, next)) ||
        size >= anyLimit
      ) {
        // Keep the whole run of white space (blank lines) in this piece.
        let end = after
        while (end < length && isWhiteSpace(text.charCodeAt(end))) end++
        yield {start, end}
        start = end
        index = end
        lineStart = end
        quoted = false
        continue
      }

      index = after
      lineStart = after
      continue
    }

    if (code === 34 /* " */) quoted = !quoted
    else if (code === 0x201c /* “ */ || code === 0xab /* « */) quoted = true
    else if (code === 0x201d /* ” */ || code === 0xbb /* » */) quoted = false

    const size = index - start
    if (
      (size >= softLimit &&
        code === 32 &&
        !isWhiteSpace(text.charCodeAt(index + 1)) &&
        (isSentenceEnd(text.charCodeAt(index - 1)) && !isLowerCase(text, index + 1)
          ? size >= sentenceLimit || (!quoted && index - Math.max(start, lineStart) >= softLimit)
          : size >= anyLimit)) ||
      size >= hardLimit
    ) {
      let end = index + 1
      // Never split a surrogate pair.
      if (isHighSurrogate(text.charCodeAt(end - 1))) end++
      yield {start, end}
      start = end
      index = end
      continue
    }

    index++
  }

  if (start < length) yield {start, end: length}
}

/** Whether the line ending at `index` ends a sentence (past trailing spaces, not before `from`). */
function endsSentence(text: string, index: number, from: number): boolean {
  let at = index - 1
  while (at > from && isSpaceOrTab(text.charCodeAt(at))) at--
  return isSentenceEnd(text.charCodeAt(at))
}

/**
 * Whether the character at `index` is a lower-case letter: parse-english
 * does not start a sentence there (`said. is`), so neither may a piece.
 */
function isLowerCase(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  if (code < 128) return code >= 97 && code <= 122
  const character = text.charAt(index)
  return character !== character.toUpperCase()
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13
}

function isWhiteSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}

/**
 * Parse `text` piece by piece: yields one root per piece, holding that
 * piece's paragraphs with positions in document coordinates. Trees of
 * earlier pieces can be dropped by the caller, so memory stays flat.
 */
export function* parsePieces(text: string): Generator<Root> {
  const parser = new PieceParser()
  let line = 1
  let column = 1

  for (const piece of cutPieces(text)) {
    const value = text.slice(piece.start, piece.end)
    parser.shift = {line, column, offset: piece.start}
    const root = parser.parse(value)
    const start: Point = {line, column, offset: piece.start}

    // Advance the line/column counters over this piece.
    for (let index = 0; index < value.length; index++) {
      if (value.charCodeAt(index) === 10) {
        line++
        column = 1
      } else {
        column++
      }
    }

    yield {
      type: 'RootNode',
      children: root.children,
      position: {start, end: {line, column, offset: piece.end}}
    }
  }
}

/** Parse `text` into one nlcst root, piece by piece, in linear time. */
export function parseDocument(text: string): Root {
  const children: RootContent[] = []
  for (const root of parsePieces(text)) {
    for (const child of root.children) children.push(child)
  }

  const end = pointAtEnd(text)
  return {
    type: 'RootNode',
    children,
    position: {start: {line: 1, column: 1, offset: 0}, end}
  }
}

function pointAtEnd(text: string): Point {
  let line = 1
  let lastBreak = -1
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++
      lastBreak = index
    }
  }

  return {line, column: text.length - lastBreak, offset: text.length}
}

/**
 * unified plugin: a parser for the whole document that stays linear.
 * Use it instead of `retext-english` for large texts.
 */
const retextEnglishLinear: Plugin<[], string, Root> = function () {
  this.parser = parseDocument
}

export default retextEnglishLinear

interface Shift {
  line: number
  column: number
  offset: number
}

/**
 * A parse-english parser whose positions start at a given document point.
 *
 * parse-latin makes every point in `tokenize`, as a flat list of tokens
 * (a word and its text share the `start` object; each `end` is its own);
 * every later node reuses those objects. Moving the tokens' points there,
 * once each, puts the whole tree in document coordinates without a second
 * walk over it.
 */
export class PieceParser extends ParseEnglish {
  shift: Shift = {line: 1, column: 1, offset: 0}

  constructor() {
    super()
    const plugins = this.tokenizeParagraphPlugins
    const index = latinBreak === undefined ? -1 : plugins.indexOf(latinBreak as (typeof plugins)[number])
    if (index >= 0) plugins[index] = breakAtBlankLines
  }

  override tokenize(value: string | null | undefined): SentenceContent[] {
    const tokens = super.tokenize(value)
    // An index, not `for…of`: the iterator's results were a tenth of
    // everything allocated while linting.
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!
      if (!token.position) continue
      movePoint(token.position.start, this.shift)
      movePoint(token.position.end, this.shift)
      if (token.type === 'WordNode') {
        const end = token.children[0]?.position?.end
        if (end && end !== token.position.end) movePoint(end, this.shift)
      }
    }

    return tokens
  }
}

/**
 * Break a sentence where white space inside it holds two line breaks or
 * more (a `\r\n` is one), as parse-latin's `breakImplicitSentences` does:
 * the white space becomes a sibling between the two sentences.
 */
export function breakAtBlankLines(paragraph: Paragraph): void {
  const siblings = paragraph.children
  for (let index = 0; index < siblings.length; index++) {
    const sentence = siblings[index]!
    if (sentence.type !== 'SentenceNode') continue
    const children = sentence.children
    // Not the first or last child.
    for (let position = 1; position < children.length - 1; position++) {
      const node = children[position]!
      if (node.type !== 'WhiteSpaceNode' || !hasTwoLineBreaks(node.value)) continue
      sentence.children = children.slice(0, position)
      const rest: Sentence = {type: 'SentenceNode', children: children.slice(position + 1)}
      const tail = children[position - 1]!
      const head = children[position + 1]!
      siblings.splice(index + 1, 0, node, rest)
      if (sentence.position && tail.position && head.position) {
        const end = sentence.position.end
        sentence.position.end = tail.position.end
        rest.position = {start: head.position.start, end}
      }

      // The loop goes on with the white space, then the rest of the sentence.
      break
    }
  }
}

function hasTwoLineBreaks(value: string): boolean {
  let breaks = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === 13 /* \r */) {
      if (value.charCodeAt(index + 1) === 10) index++
    } else if (code !== 10 /* \n */) {
      continue
    }

    if (++breaks === 2) return true
  }

  return false
}

function movePoint(point: Point, shift: Shift): void {
  if (point.line === 1) point.column += shift.column - 1
  point.line += shift.line - 1
  point.offset = (point.offset ?? 0) + shift.offset
}

function isSentenceEnd(code: number): boolean {
  return code === 46 /* . */ || code === 33 /* ! */ || code === 63 /* ? */
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
