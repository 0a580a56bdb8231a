/**
 * Narrowed trees for ecosystem plugins that walk every node with
 * `unist-util-visit` but can only fire in a few places: on a long document
 * that walk cost more than parsing. Each function returns a root holding
 * only the nodes where the plugin can report, unchanged, so its findings
 * are the same.
 */
import type {Paragraph, Root, Sentence, Word} from 'nlcst'

/**
 * retext-repeated-words only reports a word followed, after one white
 * space, by the same word in any case: hand it the sentences with two such
 * neighbours (compared without making strings; where letters beyond ASCII
 * or a word of several parts make that unsure, the sentence is kept).
 */
export function sentencesWithRepeat(tree: Root): Root {
  const children: Sentence[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) {
      if (sentence.type === 'SentenceNode' && hasNeighbourPair(sentence)) children.push(sentence)
    }
  }

  return {type: 'RootNode', children: children as unknown as Root['children']}
}

function hasNeighbourPair(sentence: Sentence): boolean {
  const nodes = sentence.children
  for (let index = 0; index + 2 < nodes.length; index++) {
    const first = nodes[index]!
    const space = nodes[index + 1]!
    const second = nodes[index + 2]!
    if (first.type !== 'WordNode' || space.type !== 'WhiteSpaceNode' || second.type !== 'WordNode') continue
    if (maySpellAlike(first, second)) return true
  }

  return false
}

/** Whether two words may be the same word in any case (false only when sure they are not). */
function maySpellAlike(first: Word, second: Word): boolean {
  const a = onlyText(first)
  const b = onlyText(second)
  if (a === undefined || b === undefined) {
    // Several parts (`don't`): first letter and length, unless a letter
    // beyond ASCII may change the length when lower-cased (`İ`).
    if (partsBeyondAscii(first) || partsBeyondAscii(second)) return true
    return firstCode(first) === firstCode(second) && wordLength(first) === wordLength(second)
  }

  if (a.length !== b.length) return hasBeyondAscii(a) || hasBeyondAscii(b)
  for (let index = 0; index < a.length; index++) {
    const codeA = a.charCodeAt(index)
    const codeB = b.charCodeAt(index)
    // Beyond ASCII, lower-casing is not one code for one code: keep those.
    if (codeA >= 128 || codeB >= 128) return true
    if (lowerAscii(codeA) !== lowerAscii(codeB)) return false
  }

  return true
}

/** The word's text when it is one text node. */
function onlyText(word: Word): string | undefined {
  const only = word.children.length === 1 ? word.children[0] : undefined
  return only?.type === 'TextNode' ? only.value : undefined
}

function partsBeyondAscii(word: Word): boolean {
  for (const child of word.children) {
    if ('value' in child && hasBeyondAscii(child.value)) return true
  }

  return false
}

function hasBeyondAscii(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    if (value.charCodeAt(index) >= 128) return true
  }

  return false
}

function wordLength(word: Word): number {
  let length = 0
  for (const child of word.children) length += 'value' in child ? child.value.length : 0
  return length
}

/** First character code of a word, lower-cased for ASCII letters. */
function firstCode(word: Word): number {
  const child = word.children[0]
  const code = child && 'value' in child ? child.value.charCodeAt(0) : -1
  return lowerAscii(code)
}

function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code
}

/**
 * retext-indefinite-article only reports on a word `a` or `an` and looks at
 * its siblings in the same sentence: hand it those sentences.
 */
export function sentencesWithArticle(tree: Root): Root {
  const children: Sentence[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) {
      if (sentence.type === 'SentenceNode' && sentence.children.some(isArticle)) {
        children.push(sentence)
      }
    }
  }

  return {type: 'RootNode', children: children as unknown as Root['children']}
}

/**
 * retext-sentence-spacing (default options) only reports white space of
 * two or more spaces between two sentences of a paragraph, and looks at
 * nothing but that white space and the kind of its neighbours: hand it one
 * small paragraph per such space, the space itself between two empty
 * sentences, so that its walk does not go through every word.
 */
export function paragraphsWithWideSpace(tree: Root): Root {
  const children: Paragraph[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    const nodes = paragraph.children
    for (let index = 1; index + 1 < nodes.length; index++) {
      const space = nodes[index]!
      if (
        space.type === 'WhiteSpaceNode' &&
        space.value.startsWith('  ') &&
        nodes[index - 1]!.type === 'SentenceNode' &&
        nodes[index + 1]!.type === 'SentenceNode'
      ) {
        children.push({type: 'ParagraphNode', children: [emptySentence(), space, emptySentence()]})
      }
    }
  }

  return {type: 'RootNode', children}
}

function emptySentence(): Sentence {
  return {type: 'SentenceNode', children: []}
}

function isArticle(node: Sentence['children'][number]): boolean {
  if (node.type !== 'WordNode' || node.children.length !== 1) return false
  const text = node.children[0]
  if (text?.type !== 'TextNode') return false
  const value = text.value
  return value.length <= 2 && (value === 'a' || value === 'A' || value.toLowerCase() === 'an')
}
