/**
 * A paragraph as the flat list of tokens the rule reads (one pool of token
 * objects, reused from paragraph to paragraph), and what the rule asks of a
 * token and its neighbours.
 */
import type {Paragraph, Word} from 'nlcst'
import type {Position} from 'unist'
import {toString} from 'nlcst-to-string'
import {factsOf, isAttribution, isDemonym, isDemonymKnown, isDemonymWord, isRole} from './facts.js'

const plainWord = /^\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*$/u

type Kind = 'word' | 'punct' | 'other'

class Token {
  constructor(
    public kind: Kind,
    public text: string,
    /** The node's place; its offsets are read only for the few tokens compared or reported. */
    public position: Position,
    /** First token of its line. */
    public lineStart: boolean,
    /** White space (or another node that is no token) comes right before it. */
    public spaced: boolean,
    /** A word written with a possessive `'s`, which `text` leaves out. */
    public possessive: boolean,
    /** `factsOf(text)` for words once asked (-1 before), 0 for the rest. */
    public facts: number
  ) {}

  get start(): number {
    return this.position.start.offset!
  }

  get end(): number {
    return this.position.end.offset! - (this.possessive ? 2 : 0)
  }
}

/** The place of a released token. */
const nowhere: Position = {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}

/**
 * The tokens of one paragraph. The token objects are reused from paragraph
 * to paragraph: a document has hundreds of thousands of tokens, and most
 * are only looked at once.
 */
export class Tokens {
  items: Token[] = []
  length = 0
  /** The most tokens since the last `release`. */
  used = 0
  /** Tokens other than words that are a colon. */
  colons = 0

  /** The token at `index`, undefined outside the paragraph. */
  get(index: number): Token | undefined {
    return index >= 0 && index < this.length ? this.items[index] : undefined
  }

  /**
   * Let go of every token's text and place once a piece is read: held by
   * these long-lived objects, they would outlive the piece's tree.
   */
  release(): void {
    for (let index = 0; index < this.used; index++) {
      const token = this.items[index]!
      token.text = ''
      token.position = nowhere
    }

    this.used = 0
    this.length = 0
  }

  push(
    kind: Kind,
    text: string,
    position: Position,
    lineStart: boolean,
    spaced: boolean,
    possessive: boolean
  ): void {
    const facts = kind === 'word' ? -1 : 0
    if (kind !== 'word' && text === ':') this.colons++
    const token = this.items[this.length]
    if (token === undefined) {
      this.items.push(new Token(kind, text, position, lineStart, spaced, possessive, facts))
    } else {
      token.kind = kind
      token.text = text
      token.position = position
      token.lineStart = lineStart
      token.spaced = spaced
      token.possessive = possessive
      token.facts = facts
    }

    if (++this.length > this.used) this.used = this.length
  }
}

export const shared = new Tokens()

/** What the rule knows of a token's text (see `factsOf`). */
export function facts(token: Token): number {
  if (token.facts < 0) token.facts = factsOf(token.text)
  return token.facts
}

/**
 * Whether a word may start with an upper-case letter: false at once for the
 * many words that start with an ASCII lower-case letter or a digit.
 */
export function mayBeCapital(text: string): boolean {
  const code = text.charCodeAt(0)
  return !((code >= 97 && code <= 122) || (code >= 48 && code <= 57))
}

/**
 * A paragraph as a flat token list: words (a possessive `'s` marked, not
 * kept), punctuation (also split off words: `V.` → `V`, `.`), and other nodes
 * (URLs, symbols) that break any pattern.
 */
export function tokenize(paragraph: Paragraph): Tokens {
  const tokens = shared
  tokens.length = 0
  tokens.colons = 0
  let lineStart = true
  let spaced = false

  for (const sentence of paragraph.children) {
    if (sentence.type !== 'SentenceNode') {
      if (sentence.type === 'WhiteSpaceNode' && hasLineBreak(sentence.value)) lineStart = true
      spaced = true
      continue
    }

    for (const child of sentence.children) {
      // Trees from retext-english always have positions with offsets.
      const {position} = child
      if (position === undefined || child.type === 'WhiteSpaceNode') {
        if (child.type === 'WhiteSpaceNode' && hasLineBreak(child.value)) lineStart = true
        spaced = true
        continue
      }

      if (child.type === 'PunctuationNode') {
        tokens.push('punct', child.value, position, lineStart, spaced, false)
      } else if (child.type === 'WordNode') {
        const text = wordText(child)
        if (text === undefined) {
          for (const part of child.children) {
            if (part.position === undefined) {
              spaced = true
              continue
            }

            const kind = part.type === 'TextNode' ? 'word' : part.type === 'PunctuationNode' ? 'punct' : 'other'
            const value = kind === 'other' ? toString(part) : part.value
            tokens.push(kind, value, part.position, lineStart, spaced, false)
            lineStart = false
            spaced = false
          }

          continue
        }

        const possessive = isPossessive(text)
        tokens.push('word', possessive ? text.slice(0, -2) : text, position, lineStart, spaced, possessive)
      } else {
        tokens.push('other', 'value' in child ? child.value : toString(child), position, lineStart, spaced, false)
      }

      lineStart = false
      spaced = false
    }
  }

  return tokens
}

/**
 * A word that is one token: its text (`Usov’s` whole, `Pavel`); undefined
 * when it is split into its parts (`V.`, `2020`).
 */
function wordText(word: Word): string | undefined {
  const first = word.children[0]
  // Most words are one text node: no need to join and test them (a text
  // node holds no apostrophe or hyphen, and its own position is the word's).
  if (word.children.length === 1 && first?.type === 'TextNode') return first.value
  const text = toString(word)
  return isPlainWord(text) ? text : undefined
}

/** `plainWord`, read character by character when the word is ASCII. */
function isPlainWord(text: string): boolean {
  let needLetter = true
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) needLetter = false
    else if ((code === 45 /* - */ || code === 39 /* ' */ || code === 0x20_19) /* ’ */ && !needLetter) needLetter = true
    else if (code >= 128) return plainWord.test(text)
    else return false
  }

  return !needLetter
}

/** A word with a possessive `'s` (`Usov’s`), not `'s` alone. */
function isPossessive(text: string): boolean {
  const {length} = text
  if (length <= 2 || text.charCodeAt(length - 1) !== 115 /* s */) return false
  const apostrophe = text.charCodeAt(length - 2)
  return apostrophe === 39 || apostrophe === 0x20_19
}

function hasLineBreak(space: string): boolean {
  return space !== ' ' && space.includes('\n')
}

export function isGivenName(word: Token): boolean {
  return !(facts(word) & isRole) && !isDemonymToken(word)
}

/** `isDemonym` of a token's text, remembered with its facts. */
export function isDemonymToken(token: Token): boolean {
  const known = facts(token)
  if (known & isDemonymKnown) return (known & isDemonymWord) !== 0
  const demonym = isDemonym(token.text)
  token.facts = known | isDemonymKnown | (demonym ? isDemonymWord : 0)
  return demonym
}

export function isAttributionVerb(token: Token): boolean {
  return (facts(token) & isAttribution) !== 0
}

/** Two words separated by white space only (not a line break). */
export function adjacent(left: Token, right: Token): boolean {
  // As `right.start > left.end`: tokens follow each other without a gap
  // unless a node lies between them, and a possessive's `'s` is left out.
  return !right.lineStart && (right.spaced || left.possessive)
}

/** Two tokens with nothing between them (`V.`): as `left.end === right.start`. */
export function touching(left: Token, right: Token): boolean {
  return !right.spaced && !left.possessive
}

export function runWords(tokens: Tokens, from: number, end: number): string[] {
  const words: string[] = []
  for (let index = from; index <= end; index++) words.push(tokens.get(index)!.text)
  return words
}
