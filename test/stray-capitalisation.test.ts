/**
 * `stray-capitalisation` on real text: the bundled MT news example, real MT
 * segments, well-edited English where it must stay quiet, and the details
 * of its fixes (span, case kept, idempotence).
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {check} from '../src/api.js'
import {rules} from '../rules/index.js'

const ruleId = 'stray-capitalisation'
const only = {rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.id === ruleId]))}

async function findings(text: string) {
  const result = await check(text, only)
  return {result, mine: result.messages.filter((message) => message.ruleId === ruleId)}
}

// The example bundled with mtlint (shared/examples/belarus-russia-news.mt.txt),
// as kept in the corpus.
const example = path.join(import.meta.dirname, '..', 'corpus', 'mt', 'rambler-belarus-russia.mt.txt')

describe('stray-capitalisation on the bundled example', () => {
  it('fixes exactly the four stray capitals', async () => {
    const text = fs.readFileSync(example, 'utf8')
    const {result, mine} = await findings(text)

    expect(mine.map((m) => [m.actual, m.expected?.[0], m.fix])).toEqual([
      ['of Course', 'Of course', true],
      ['the So-called', 'The so-called', true],
      ['the Question', 'The question', true],
      ['Pro', 'pro', true]
    ])
    expect(result.fixed).toContain('\n\nOf course, they [the Russian authorities]')
    expect(result.fixed).toContain('analyst: The so-called “Belarusian balcony”')
    expect(result.fixed).toContain('\n\nThe question is, how')
    expect(result.fixed).toContain('the electorate is mostly pro-Russian.')

    // Nothing else changed: seven letters changed case (o/C, t/S, t/Q, P).
    expect(result.fixed.length).toBe(text.length)
    let changed = 0
    for (let index = 0; index < text.length; index++) {
      if (text[index] !== result.fixed[index]) {
        changed++
        expect(text[index]!.toLowerCase()).toBe(result.fixed[index]!.toLowerCase())
      }
    }

    expect(changed).toBe(7)

    // A second run finds nothing more to fix.
    const again = await findings(result.fixed)
    expect(again.mine).toEqual([])
  })
})

describe('swapped sentence start', () => {
  it('catches a lower-case start that parse-english keeps in the previous sentence', async () => {
    const {result, mine} = await findings('The meeting ended. the Question is open.')
    expect(mine).toHaveLength(1)
    expect(mine[0]!.actual).toBe('the Question')
    expect(result.fixed).toBe('The meeting ended. The question is open.')
  })

  it('covers only the two words and keeps the space between them', async () => {
    const text = 'Talks ended!  of  Course, they left.'
    const {result, mine} = await findings(text)
    const message = mine[0]!
    const start = (message.place as {start: {offset: number}}).start.offset
    expect(text.slice(start, start + message.actual!.length)).toBe('of  Course')
    expect(message.expected).toEqual(['Of  course'])
    expect(result.fixed).toBe('Talks ended!  Of  course, they left.')
  })

  it('works inside quotes and after a colon', async () => {
    expect((await findings('“of Course, we will,” he said.')).result.fixed).toBe(
      '“Of course, we will,” he said.'
    )
    expect((await findings('The analyst: the So-called balcony matters.')).result.fixed).toBe(
      'The analyst: The so-called balcony matters.'
    )
  })

  it('leaves names, abbreviations and attributions alone', async () => {
    for (const text of [
      'the Supreme Court ruled on Monday.', // a capital next to a capital: a name
      'the West is watching.', // the dictionary knows West as a name
      'We met at 5 p.m. the Question was raised.', // an abbreviation ends no sentence
      '"Is it over?" said Doc.', // attribution after a quoted question
      'The talks ended... the Question remains.', // an ellipsis
      'the Question of Palestine was raised. He spoke of the Question of Palestine.' // a name in this text
    ]) {
      expect((await findings(text)).mine, text).toEqual([])
    }
  })
})

describe('capitalised common word mid-sentence', () => {
  it('lower-cases a prefix before a proper adjective, keeping the rest', async () => {
    const text = 'The electorate is mostly Pro-Russian. The press is openly Anti-American, they say.'
    const {result, mine} = await findings(text)
    expect(mine.map((m) => m.actual)).toEqual(['Pro', 'Anti'])
    expect(result.fixed).toBe(
      'The electorate is mostly pro-Russian. The press is openly anti-American, they say.'
    )
  })

  it('leaves a prefix at a sentence start or inside a name', async () => {
    for (const text of [
      'Pro-Russian forces held the town.',
      'He joined the Pro-Russian Party of Crimea.',
      'The Pan-American Highway is long.'
    ]) {
      expect((await findings(text)).mine, text).toEqual([])
    }
  })

  it('flags without a fix when the text writes the word in lower case elsewhere', async () => {
    const text =
      'The negotiations began on Monday.\n\nObservers think the Negotiations will fail.'
    const {result, mine} = await findings(text)
    expect(mine).toHaveLength(1)
    expect(mine[0]!.actual).toBe('Negotiations')
    expect(mine[0]!.expected).toEqual(['negotiations'])
    expect(mine[0]!.fix).toBe(false)
    expect(result.fixed).toBe(text)
  })

  it('stays quiet without that evidence, and on a capital the text uses consistently', async () => {
    for (const text of [
      'Observers think the Negotiations will fail.',
      'In April 2022, the Government announced funds. Later the Government said more. A government must act.',
      'We are the most peaceful people on Earth.',
      'Go to work, with His help, and his friends.',
      // A sentence start that lost its full stop (mlqe-pe-ruen/train/2480):
      // only a capital after a word that ends no sentence is judged.
      'We demand an end to the collapse of medicine in the country Place to be announced later. The place is secret.',
      // A title written into the line.
      'Read How to Benefit from the Basic Module today; the benefit is clear.'
    ]) {
      expect((await findings(text)).mine, text).toEqual([])
    }
  })
})

describe('name in lower case', () => {
  it('capitalises a word the dictionary knows only as a name', async () => {
    const {result} = await findings('The talks with alexander Lukashenko and the kremlin went on.')
    expect(result.fixed).toBe('The talks with Alexander Lukashenko and the Kremlin went on.')
  })

  it('capitalises a name the text capitalises elsewhere', async () => {
    const text =
      'Lukashenka spoke first. Then Babariko answered, and Babariko won.\n\nThe critics of babariko were silent.'
    const {result, mine} = await findings(text)
    expect(mine.map((m) => [m.actual, m.expected?.[0]])).toEqual([['babariko', 'Babariko']])
    expect(result.fixed).toContain('The critics of Babariko were silent.')
  })

  it('capitalises the name in a prefixed compound only', async () => {
    expect((await findings('The crowd was pro-russian.')).result.fixed).toBe(
      'The crowd was pro-Russian.'
    )
  })

  it('only suggests the dictionary\'s capital when nothing in the text agrees', async () => {
    for (const [text, actual, expected] of [
      // mlqe-pe-ruen/train/5232 (mt): the post-edit has "to commit scams".
      ['Moreover, he skillfully used his skills to perform afro.', 'afro', 'Afro'],
      // mlqe-pe-ruen/train/5980 (mt): the post-edit keeps "chablis".
      ['so the eater and the oyster meet the lemon and the chablis differently.', 'chablis', 'Chablis'],
      // mlqe-pe-ruen/test20/513 (mt)
      ['I suggest an analogue to midas.', 'midas', 'Midas'],
      ['Relations with the kremlin are tense.', 'kremlin', 'Kremlin']
    ] as const) {
      const {result, mine} = await findings(text)
      expect(mine.map((m) => [m.actual, m.expected, m.fix]), text).toEqual([[actual, [expected], false]])
      expect(result.fixed).toBe(text)
    }
  })

  it('fixes the dictionary\'s capital when the text agrees that it is a name', async () => {
    for (const [text, fixed] of [
      // Next to a name or a number.
      ['The talks with alexander Lukashenko were short.', 'The talks with Alexander Lukashenko were short.'],
      ['I have a weak pc on an intel pentium 3.', 'I have a weak pc on an intel Pentium 3.'],
      // Another name capitalised in the sentence, also at its start.
      ['Lukashenka spoke about relations with the kremlin.', 'Lukashenka spoke about relations with the Kremlin.'],
      ['The talks with Putin and the kremlin went on.', 'The talks with Putin and the Kremlin went on.'],
      // The text writes the word capitalised elsewhere as often as not.
      ['The kremlin said nothing. The Kremlin never does.', 'The Kremlin said nothing. The Kremlin never does.'],
      // Made from another name: English capitalises it always.
      ['And the two main responses were gnosticism and montanism.', 'And the two main responses were Gnosticism and montanism.']
    ] as const) {
      const {result, mine} = await findings(text)
      expect(mine.every((m) => m.fix), text).toBe(true)
      expect(result.fixed, text).toBe(fixed)
    }
  })

  it('does not count a capital at a sentence start or a common word as a name nearby', async () => {
    for (const text of [
      'The kremlin said nothing.',
      'I suggest an analogue to midas, the Government said.'
    ]) {
      const {mine} = await findings(text)
      expect(mine.map((m) => m.fix), text).toEqual([false])
    }
  })

  it('stays quiet on British spellings, common-noun uses, particles and mentions', async () => {
    for (const text of [
      'Grandfather is grey, and the centre of the town is quiet.',
      'I found my holt.',
      'The regime of dictator Bashar al-Assad has entrusted the fields to Russia.',
      'The word "chikibamboni" was used as an expression of good mood, Chikibamboni said to Chikibamboni.',
      'This is the alocasia plant, Alocasia, a plant.',
      'See reddit.com/r/liberta for the Liberta rules.',
      'Accounts: https://t.me/akkaunts000'
    ]) {
      expect((await findings(text)).mine, text).toEqual([])
    }
  })
})

describe('stays quiet on well-edited English', () => {
  it('titles, institutions, headlines, acronyms, I', async () => {
    for (const text of [
      'President Putin and Prime Minister Mishustin met in the Kremlin.',
      'The Union State of Russia and Belarus was discussed by the State Duma and the Ministry of Finance.',
      'A Question for Photographers',
      'EU Summit Debates Refugee Policy as Talks Stall',
      'THE NEGOTIATIONS WILL FAIL, said the NATO chief.',
      'I think I can, and I will.',
      'The talks ended.\nThe Question Of Trust\nThey left.'
    ]) {
      expect((await findings(text)).mine, text).toEqual([])
    }
  })

  it('real human translations and post-edits', async () => {
    for (const text of [
      // wmt21-ted-mqm-zhen/ref/talk.2/101
      "Einstein also realized -- and this is the real meat of the matter -- that if you put energy or mass in the universe, it would curve space, and a freely falling object would pass by, let's say, the Sun and it would be deflected along the natural curves in the space.",
      // mlqe-pe-ruen/dev/197/postedit
      'It has a large military presence in the United States and plays a huge role in Europe and post-Soviet Russia.',
      // mlqe-pe-ruen/train/6591/postedit
      'The Israeli authorities, in particular the Prime Minister and the President, will be able to influence the Russian leadership.',
      // mlqe-pe-ruen/train/1182/postedit
      'Durov urged Yandex employees to move to Telegram to create a counterpart to Yandex News.'
    ]) {
      expect((await findings(text)).mine, text).toEqual([])
    }
  })
})

describe('a long document, read piece by piece', () => {
  // Past 256 KB the engine never holds the whole document's trees: each
  // paragraph-sized piece is read and checked in turn, so what a later
  // paragraph says about a word must still decide an earlier finding.
  const filler = Array.from(
    {length: 2200},
    () =>
      'The committee met on a rainy morning to discuss the budget for the coming year, and most members agreed that the plan was sound.'
  ).join('\n\n')

  function long(first: string, last: string): string {
    const text = first + '\n\n' + filler + '\n\n' + last
    expect(text.length).toBeGreaterThan(256 * 1024)
    return text
  }

  function at(text: string, message: {place?: unknown}): number {
    return (message.place as {start: {offset: number}}).start.offset
  }

  it('capitalises a name that only the last paragraph writes capitalised', async () => {
    const text = long(
      'The critics of babariko were silent.',
      'Lukashenka spoke first. Then Babariko answered, and Babariko won.'
    )
    const {result, mine} = await findings(text)
    expect(mine.map((m) => [at(text, m), m.actual, m.expected, m.fix])).toEqual([
      [15, 'babariko', ['Babariko'], true]
    ])
    expect(result.fixed.slice(0, 36)).toBe('The critics of Babariko were silent.')
  })

  it('flags a capital when only the last paragraph writes the word in lower case', async () => {
    const text = long('Observers think the Negotiations will fail.', 'The negotiations began on Monday.')
    const {mine} = await findings(text)
    expect(mine.map((m) => [at(text, m), m.actual, m.expected, m.fix])).toEqual([
      [20, 'Negotiations', ['negotiations'], false]
    ])
    // Without the lower-case use there is no evidence.
    expect((await findings(long('Observers think the Negotiations will fail.', 'Nothing more.'))).mine).toEqual(
      []
    )
  })

  it('fixes the dictionary\'s capital when the last paragraph agrees that it is a name', async () => {
    const early = 'Relations with the kremlin are tense.'
    const agreed = (await findings(long(early, 'Officials in the Kremlin declined to comment.'))).mine
    expect(agreed.map((m) => [m.actual, m.expected, m.fix, m.note])).toEqual([
      ['kremlin', ['Kremlin'], true, undefined]
    ])
    const alone = (await findings(long(early, 'Nothing more.'))).mine
    expect(alone.map((m) => [m.actual, m.fix])).toEqual([['kremlin', false]])
  })

  it('leaves a swapped start alone when later paragraphs capitalise the word', async () => {
    const early = 'The meeting ended. the Question is open.'
    const swapped = await findings(long(early, 'Nothing more.'))
    expect(swapped.mine.map((m) => m.actual)).toEqual(['the Question'])
    expect(swapped.result.fixed.slice(0, 40)).toBe('The meeting ended. The question is open.')
    const named = await findings(long(early, 'We asked about the Question again, and the Question stayed.'))
    expect(named.mine).toEqual([])
  })
})
