/**
 * A narrowed tree must give an ecosystem plugin exactly the findings it
 * gives on the whole tree: compared on every corpus document and on
 * crafted edge cases.
 */
import fs from 'node:fs'
import path from 'node:path'
import retextIndefiniteArticle from 'retext-indefinite-article'
import retextRepeatedWords from 'retext-repeated-words'
import retextSentenceSpacing from 'retext-sentence-spacing'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {paragraphsWithWideSpace, sentencesWithArticle, sentencesWithRepeat} from '../rules/narrow.js'
import {parseDocument} from '../src/parse.js'

const corpus = path.join(import.meta.dirname, '..', 'corpus', 'mt')
const texts = [
  'The the end. Don\'t don\'t stop. It is is. D. D. will. Heavy heavy. the The. 5 5 pages. ÉTÉ été.\n\n' +
  'In İstanbul i̇stanbul. In it is at an of on. Straße STRASSE. Köln köln. It is xİ-y xi̇-y here. aİ\'s ai̇\'s.\n\n' +
  'An apple, a hour, AN owl. A  European union.  a euro.\n\nAn  “a” a. It was a. A\n\nTwo  spaces.  Three   spaces. One. Tab\tspace.',
  ...fs.readdirSync(corpus)
    .filter((name) => name.endsWith('.mt.txt'))
    .map((name) => fs.readFileSync(path.join(corpus, name), 'utf8'))
]

function findings(plugin: () => unknown, text: string, narrow?: (tree: any) => any): string[] {
  const file = new VFile(text)
  const tree = parseDocument(text)
  const transform = plugin() as (tree: unknown, file: VFile) => void
  transform(narrow ? narrow(tree) : tree, file)
  return file.messages.map((m) => `${m.place && 'start' in m.place ? m.place.start.offset : ''} ${m.reason}`)
}

describe('narrowed trees give the same findings', () => {
  it('corpus is there', () => expect(texts.length).toBeGreaterThan(10))

  const cases: Array<[string, () => unknown, (tree: any) => any, number]> = [
    ['retext-indefinite-article', retextIndefiniteArticle as () => unknown, sentencesWithArticle, 0],
    ['retext-repeated-words', retextRepeatedWords as () => unknown, sentencesWithRepeat, 3],
    ['retext-sentence-spacing', retextSentenceSpacing as () => unknown, paragraphsWithWideSpace, 0]
  ]

  it.each(cases)('%s', (_name, plugin, narrow, atLeast) => {
    let total = 0
    for (const text of texts) {
      const whole = findings(plugin, text)
      total += whole.length
      expect(findings(plugin, text, narrow)).toEqual(whole)
    }

    expect(total).toBeGreaterThan(atLeast)
  })
})
