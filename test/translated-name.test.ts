/**
 * `translated-name`: a surname rendered as a common word. Real behaviour on
 * the bundled example, the two mechanisms (context, lexicon) and how they
 * decide the fix, the must-stay-quiet cases, the lexicon data, and the
 * two-phase run over separate pieces.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import translatedName from '../rules/translated-name/index.js'
import lexicon from '../rules/translated-name/lexicon.json' with {type: 'json'}
import {rules} from '../rules/index.js'
import {check} from '../src/api.js'
import {runInPieces} from './helpers.js'

const example = fs.readFileSync(
  path.join(import.meta.dirname, '..', 'corpus', 'mt', 'rambler-belarus-russia.mt.txt'),
  'utf8'
)

const only = Object.fromEntries(rules.map((rule) => [rule.id, rule.id === 'translated-name']))

async function findings(text: string) {
  const result = await check(text, {rules: only})
  return {result, messages: result.messages.filter((m) => m.ruleId === 'translated-name')}
}

describe('translated-name on the bundled example', () => {
  it('fixes `concludes a Mustache` to `concludes Usov`, the article included, and nothing else', async () => {
    const {result, messages} = await findings(example)
    expect(messages).toHaveLength(1)
    const [message] = messages
    expect(message!.actual).toBe('a Mustache')
    expect(message!.expected).toEqual(['Usov'])
    expect(message!.fix).toBe(true)
    expect(result.fixed).toBe(example.replace('concludes a Mustache.', 'concludes Usov.'))
    // A second run proposes nothing.
    expect((await findings(result.fixed)).messages).toEqual([])
  })

  it('finds Usov by context alone when the word is not in the lexicon', async () => {
    const text = example.replace('a Mustache', 'a Walrus')
    const {messages} = await findings(text)
    expect(messages.map((m) => [m.actual, m.expected?.[0], m.fix])).toEqual([
      ['a Walrus', 'Usov', true]
    ])
  })
})

describe('context: the most recent speaker named before the slot', () => {
  const jerman = 'Belarusian political analyst Alexey Jerman said that the talks matter.'
  const usov = 'Pavel Usov, Belarusian political analyst: Minsk depends on Moscow.'
  const slot = 'Nothing will change, concludes a Blacksmith.'

  it('proposes the latest speaker first, the others as alternatives', async () => {
    const {messages} = await findings(`${jerman}\n\n${usov}\n\n${slot}`)
    expect(messages[0]!.expected).toEqual(['Usov', 'Jerman'])
    const reversed = await findings(`${usov}\n\n${jerman}\n\n${slot}`)
    expect(reversed.messages[0]!.expected).toEqual(['Jerman', 'Usov'])
  })

  it('does not take a name that is merely mentioned for the speaker', async () => {
    const {messages} = await findings(
      `${usov}\n\nThe opposition supports Victor Babariko, concludes a Blacksmith.`
    )
    expect(messages[0]!.expected).toEqual(['Usov'])
  })

  it('ignores speakers beyond the window and then flags without a fix', async () => {
    const filler = 'The weather in the region stayed mild for the whole week. '.repeat(60)
    const {messages} = await findings(`${usov}\n\n${filler}\n\n${slot}`)
    expect(messages).toHaveLength(1)
    expect(messages[0]!.fix).toBe(false)
    expect(messages[0]!.expected).toEqual([])
  })

  it('keeps finding the speakers within the window deep into a long document', async () => {
    // Twenty sections, each a speaker, some text and a slot. Every slot gets
    // its own section's speaker first, then those named within the window
    // (3,000 characters) before it: one more with ~1,400-character
    // sections, two more (the most it proposes is three) with ~750.
    const surnames = ['Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Vasiliev', 'Petrov', 'Sokolov', 'Mikhailov', 'Novikov', 'Fedorov',
      'Morozov', 'Volkov', 'Alekseev', 'Lebedev', 'Semenov', 'Egorov', 'Pavlov', 'Kozlov', 'Stepanov', 'Nikolaev']
    for (const [sentences, earlier] of [[22, 1], [10, 2]] as const) {
      const filler = 'The weather in the region stayed mild for the whole week. '.repeat(sentences)
      const text = surnames
        .map((surname) => `Political analyst Ivan ${surname} said that Minsk depends on Moscow.\n\n${filler}\n\n${slot}`)
        .join('\n\n')
      const {messages} = await findings(text)
      expect(messages.map((message) => message.expected)).toEqual(
        surnames.map((_, index) => surnames.slice(Math.max(0, index - earlier), index + 1).reverse())
      )
    }
  })

  it('only suggests a bare word (`, said Blacksmith.`), and only in a document about the region', async () => {
    const bare = 'Economist Ivan Kuznetsov said that prices in Russia would rise. Rates will go up, said Blacksmith.'
    const {messages} = await findings(bare)
    expect(messages.map((m) => [m.actual, m.expected, m.fix])).toEqual([
      ['Blacksmith', ['Kuznetsov'], false]
    ])
    const elsewhere = 'Economist Ivan Kuznetsov said that prices would rise. Rates will go up, said Blacksmith.'
    expect((await findings(elsewhere)).messages).toEqual([])
  })
})

describe('lexicon', () => {
  it('fixes when the document names the person, keeping the document spelling', async () => {
    const {messages} = await findings(
      'Alexei Navalnyy was detained.\n\nBulk - what will London answer?'
    )
    expect(messages.map((m) => [m.actual, m.expected?.[0], m.fix])).toEqual([['Bulk', 'Navalnyy', true]])
  })

  it('recognises the given name before the word (`Dmitry Sands`)', async () => {
    const {messages} = await findings('“We have nothing to add,” Dmitry Sands told reporters.')
    expect(messages.map((m) => [m.actual, m.expected?.[0], m.fix])).toEqual([['Sands', 'Peskov', true]])
  })

  it('fixes an attested or reported word on its own only in a document about the region', async () => {
    const about = await findings('The Kremlin declined to comment, said Sands.')
    expect(about.messages.map((m) => m.fix)).toEqual([true])
    const elsewhere = await findings('The company declined to comment, said Sands.')
    expect(elsewhere.messages.map((m) => [m.expected?.[0], m.fix])).toEqual([['Peskov', false]])
  })

  it('never fixes a plausible-only entry on its own, and keeps it silent outside the region', async () => {
    const russia = await findings('Protests in Russia will go on. “We will come out,” said Wolves.')
    expect(russia.messages.map((m) => [m.expected?.[0], m.fix])).toEqual([['Volkov', false]])
    const named = await findings(
      'Leonid Volkov called for protests in Russia. “We will come out,” said Wolves.'
    )
    expect(named.messages.map((m) => [m.expected?.[0], m.fix])).toEqual([['Volkov', true]])
    expect((await findings('The match ended 2-1, said Wolves.')).messages).toEqual([])
  })

  it('lets a person choose when the lexicon and the context disagree', async () => {
    const {messages} = await findings(
      'Analyst Ivan Petrov said the Kremlin would answer.\n\n“We have nothing to add,” said Sands.'
    )
    expect(messages.map((m) => [m.expected, m.fix])).toEqual([[['Peskov', 'Petrov'], false]])
  })

  it('needs a name slot: a capitalised lexicon word elsewhere is left alone', async () => {
    const {messages} = await findings(
      'In Russia the Sands of Time exhibition opened. Why did they kill Frost? Nightingale has become a petrel.'
    )
    expect(messages).toEqual([])
  })

  it('takes more entries from the `lexicon` option', async () => {
    const result = await check('Rates will rise, said Blacksmiths.', {
      rules: {
        ...only,
        'translated-name': {lexicon: [{surname: 'Kuznetsov', words: ['Blacksmiths'], given: ['Ivan']}]}
      }
    })
    expect(result.fixed).toBe('Rates will rise, said Kuznetsov.')
    expect((await findings('Rates will rise, said Blacksmiths.')).messages).toEqual([])
  })

  it('every entry carries its original, transliteration, words, evidence and an example', () => {
    const evidence = new Set(['attested', 'reported', 'plausible'])
    for (const entry of lexicon.entries) {
      expect(entry.cyrillic, entry.surname).toMatch(/\p{Script=Cyrillic}/u)
      expect(entry.surname).toMatch(/^\p{Lu}\p{Ll}+$/u)
      expect(entry.words.length, entry.surname).toBeGreaterThan(0)
      for (const word of entry.words) expect(word).toMatch(/^\p{Lu}\p{Ll}+$/u)
      expect(evidence.has(entry.evidence), entry.surname).toBe(true)
      expect(entry.example.text.length, entry.surname).toBeGreaterThan(0)
      expect(entry.example.origin.length, entry.surname).toBeGreaterThan(0)
      // An attested entry shows the MT word in its real example.
      if (entry.evidence === 'attested') {
        expect(entry.words.some((word) => entry.example.text.includes(word)), entry.surname).toBe(true)
      }
    }
  })
})

describe('must stay quiet', () => {
  const quiet = [
    '“It is over,” said Bill.',
    '“It is over,” says Rose.',
    'Mr Baker said the talks would resume.',
    'Tom Green is the mayor. The budget is tight, said Green.',
    'Mr. Frost arrived. “No,” said Frost.',
    '“We will win,” said the Minister.',
    '“Prices will rise,” writes the Guardian.',
    'The firm said so in Moscow. Sales fell, said Reuters.',
    'They concluded a Contract with Gazprom.',
    'Note: the figures are provisional.',
    'ASKED ABOUT IT, SAID SANDS.'
  ]
  for (const text of quiet) {
    it(text, async () => {
      expect((await findings(text)).messages).toEqual([])
    })
  }
})

describe('phases', () => {
  it('reads separate pieces in document order and reports in finish (as the engine does)', () => {
    const {phases} = translatedName
    expect(phases.inOrder).toBe(true)
    for (const inOrder of [true, false]) {
      const {file, finish} = runInPieces(phases, example, inOrder)
      expect(file.messages).toEqual([])
      const messages = finish()
      expect(messages.map((m) => [m.actual, m.expected, m.fix])).toEqual([['a Mustache', ['Usov'], true]])
    }
  })

  it('decides with what the whole document says, before and after the slot', async () => {
    // A later use as a name (`of Meta`) keeps an earlier bare slot quiet.
    const slot = 'Pavel Usov, Belarusian political analyst: Minsk depends on Moscow.\n\nShares fell, said Meta.'
    expect((await findings(slot)).messages.map((m) => m.actual)).toEqual(['Meta'])
    expect((await findings(`${slot}\n\nThe shares of Meta fell.`)).messages).toEqual([])
  })

  it('stays linear on a long document', async () => {
    const piece = example + '\n\n'
    const time = async (text: string) => {
      const start = performance.now()
      await check(text, {rules: only})
      return performance.now() - start
    }

    await time(piece.repeat(64)) // warm up
    const small = await time(piece.repeat(16))
    const large = await time(piece.repeat(64))
    // 4× the text: well under the 16× of a quadratic rule.
    expect(large / small).toBeLessThan(10)
  })
})
