/**
 * The word list the build writes (`dist/english-words.json`) must answer as
 * nspell and the Hunspell dictionary answer: the rules' precision rests on
 * it. Checked on every form the dictionary expands to, on every word of the
 * corpus, and on the cases nspell treats specially.
 */
import fs from 'node:fs'
import dictionary from 'dictionary-en'
import nspell from 'nspell'
import {describe, expect, it} from 'vitest'
import {isCommonWord, isDictionaryName, properNounForm} from '../src/words.js'

const speller = nspell({aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic)})
const capitalised = new Map<string, string>()
const lowerStems = new Set<string>()
for (const line of Buffer.from(dictionary.dic).toString('utf8').split('\n').slice(1)) {
  const entry = line.split('/', 1)[0]!.trim()
  if (!entry) continue
  const lower = entry.toLowerCase()
  if (entry === lower) lowerStems.add(lower)
  else if (entry[0] !== lower[0]) capitalised.set(lower, entry)
}

/** The answers as nspell and the `.dic` file give them. */
function expected(word: string) {
  const lower = word.toLowerCase()
  const proper = capitalised.get(lower)
  return {
    common: lowerStems.has(lower) || speller.correct(lower),
    proper: proper === undefined || lowerStems.has(lower) ? undefined : proper,
    name: capitalised.has(lower)
  }
}

function actual(word: string) {
  return {common: isCommonWord(word), proper: properNounForm(word), name: isDictionaryName(word)}
}

function disagreements(words: Iterable<string>): string[] {
  const wrong: string[] = []
  for (const word of words) {
    if (JSON.stringify(actual(word)) !== JSON.stringify(expected(word))) wrong.push(word)
  }

  return wrong
}

describe('word list', () => {
  it('answers as nspell on every expanded form, in every case', () => {
    const forms = Object.keys((speller as unknown as {data: Record<string, unknown>}).data)
    const words = new Set<string>()
    for (const form of forms) {
      words.add(form)
      words.add(form.toLowerCase())
      words.add(form.toUpperCase())
      words.add(form.replaceAll("'", '’'))
      words.add(form.slice(1))
      words.add(form + 's')
    }

    expect(words.size).toBeGreaterThan(400_000)
    expect(disagreements(words)).toEqual([])
  })

  it('answers as nspell on every word of the corpus', () => {
    const words = new Set<string>()
    for (const folder of ['corpus/mt', 'corpus/clean']) {
      for (const name of fs.readdirSync(folder)) {
        if (!name.endsWith('.txt')) continue
        for (const match of fs.readFileSync(`${folder}/${name}`, 'utf8').matchAll(/[\p{L}\p{N}'’-]+/gu)) {
          words.add(match[0])
        }
      }
    }

    expect(words.size).toBeGreaterThan(5000)
    expect(disagreements(words)).toEqual([])
  })

  it('keeps nspell’s special cases: ordinals, typographic apostrophes, unknown words', () => {
    const cases = ['21st', '1000th', '11th', '1th', '2th', 'can’t', 'o’clock', 'zzzz', 'babariko', '', 'a']
    expect(disagreements(cases)).toEqual([])
    expect(isCommonWord('21st')).toBe(true)
    expect(isCommonWord('can’t')).toBe(true)
    expect(isCommonWord('Negotiations')).toBe(true)
    expect(isCommonWord('babariko')).toBe(false)
    expect(properNounForm('kremlin')).toBe('Kremlin')
    expect(properNounForm('china')).toBeUndefined()
    expect(isDictionaryName('China')).toBe(true)
  })
})
