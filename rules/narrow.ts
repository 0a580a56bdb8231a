/**
 * Narrowed trees for ecosystem plugins that walk every node with
 * `unist-util-visit` but can only fire in a few places: on a long document
 * that walk cost more than parsing. Each function returns a root holding
 * only the nodes where the plugin can report, unchanged, so its findings
 * are the same.
 */
import type {Paragraph, Root, Sentence} from 'nlcst'

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
