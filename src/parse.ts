/**
 * Linear-time parsing of a whole document into one nlcst tree.
 *
 * parse-english is superlinear on one long string (it builds one flat token
 * list and merges with `splice`: 8 MB took 70 s and 1.2 GB), but linear on
 * paragraph-sized pieces. So the document is cut into pieces at blank lines
 * (and, for hostile input without blank lines, at line ends or spaces once a
 * piece gets long), each piece is parsed on its own, its positions are moved
 * to document coordinates, and the pieces' children are joined under one
 * root. Rules that need the whole document (a name used elsewhere) still get
 * all of it.
 */
import type {Root, RootContent} from 'nlcst'
import type {Point, Position} from 'unist'
import type {Plugin} from 'unified'
import {ParseEnglish} from 'parse-english'

/** A piece longer than this is cut at the next line end, then at a space. */
const softLimit = 16_384
/** No piece is ever longer than this (hard cut, surrogate-safe). */
const hardLimit = 65_536

export interface Piece {
  start: number
  end: number
}

/**
 * Cut `text` into contiguous pieces covering it exactly: each piece ends
 * after a blank line, or after a line end or a space once it is long.
 */
export function cutPieces(text: string): Piece[] {
  const pieces: Piece[] = []
  let start = 0
  let index = 0
  const length = text.length

  while (index < length) {
    const code = text.charCodeAt(index)

    if (code === 10 /* \n */) {
      // A blank line: the next line holds only spaces, tabs or a CR.
      let next = index + 1
      while (next < length) {
        const c = text.charCodeAt(next)
        if (c !== 32 && c !== 9 && c !== 13) break
        next++
      }

      if (
        (next < length && text.charCodeAt(next) === 10) ||
        index - start >= softLimit
      ) {
        // Keep the whole run of blank lines in this piece.
        let end = index + 1
        while (end < length) {
          const c = text.charCodeAt(end)
          if (c !== 10 && c !== 32 && c !== 9 && c !== 13) break
          end++
        }

        pieces.push({start, end})
        start = end
        index = end
        continue
      }
    } else if (index - start >= softLimit) {
      // A very long line: cut after a space that follows sentence-final
      // punctuation if one is near, else after any space, else hard.
      if (
        (code === 32 && isSentenceEnd(text.charCodeAt(index - 1))) ||
        (code === 32 && index - start >= softLimit * 2) ||
        index - start >= hardLimit
      ) {
        let end = index + 1
        // Never split a surrogate pair.
        if (isHighSurrogate(text.charCodeAt(end - 1))) end++
        pieces.push({start, end})
        start = end
        index = end
        continue
      }
    }

    index++
  }

  if (start < length) pieces.push({start, end: length})
  return pieces
}

/** Parse `text` into one nlcst root, piece by piece, in linear time. */
export function parseDocument(text: string): Root {
  const parser = new ParseEnglish()
  const children: RootContent[] = []
  let line = 1
  let column = 1

  for (const piece of cutPieces(text)) {
    const value = text.slice(piece.start, piece.end)
    const root = parser.parse(value)
    const shift = {line, column, offset: piece.start}

    for (const child of root.children) {
      movePositions(child, shift)
      children.push(child)
    }

    // Advance the line/column counters over this piece.
    for (let index = 0; index < value.length; index++) {
      if (value.charCodeAt(index) === 10) {
        line++
        column = 1
      } else {
        column++
      }
    }
  }

  const end: Point = {line, column, offset: text.length}
  return {
    type: 'RootNode',
    children,
    position: {start: {line: 1, column: 1, offset: 0}, end}
  }
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

function movePositions(node: RootContent, shift: Shift): void {
  const stack: Array<{position?: Position | undefined; children?: unknown}> = [
    node
  ]

  while (stack.length > 0) {
    const current = stack.pop()!
    // parse-latin shares point objects between a node and its children, so
    // the moved position is a new object rather than an edit in place.
    if (current.position) {
      current.position = {
        start: movePoint(current.position.start, shift),
        end: movePoint(current.position.end, shift)
      }
    }

    if (Array.isArray(current.children)) {
      for (const child of current.children) stack.push(child)
    }
  }
}

function movePoint(point: Point, shift: Shift): Point {
  return {
    line: point.line + shift.line - 1,
    column: point.line === 1 ? point.column + shift.column - 1 : point.column,
    offset: (point.offset ?? 0) + shift.offset
  }
}

function isSentenceEnd(code: number): boolean {
  return code === 46 /* . */ || code === 33 /* ! */ || code === 63 /* ? */
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
