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
 * space, by the same word: hand it the sentences with two such neighbours
 * of equal length and the same first letter (any case).
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
    const a = firstCode(first)
    const b = firstCode(second)
    // Beyond ASCII, lower-casing can change a word's length: keep those.
    if (a >= 128 || b >= 128) return true
    if (a === b && wordLength(first) === wordLength(second)) return true
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
 * two or more spaces between two sentences of a paragraph: hand it those
 * paragraphs.
 */
export function paragraphsWithWideSpace(tree: Root): Root {
  const children: Paragraph[] = []
  for (const paragraph of tree.children) {
    if (
      paragraph.type === 'ParagraphNode' &&
      paragraph.children.some(
        (child) => child.type === 'WhiteSpaceNode' && child.value.startsWith('  ')
      )
    ) {
      children.push(paragraph)
    }
  }

  return {type: 'RootNode', children}
}

function isArticle(node: Sentence['children'][number]): boolean {
  if (node.type !== 'WordNode' || node.children.length !== 1) return false
  const text = node.children[0]
  if (text?.type !== 'TextNode') return false
  const value = text.value
  return value.length <= 2 && (value === 'a' || value === 'A' || value.toLowerCase() === 'an')
}
