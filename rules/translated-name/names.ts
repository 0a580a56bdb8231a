/**
 * What the document shows about its capitalised words: a real surname (`Mr
 * Frost`, `Tom Green`), a word used as a name elsewhere (`of Meta`), a part
 * of a full name (`Xi` of `Xi Jinping`). Such a word in a name slot is no
 * translated name.
 */
import {isCommonWord, isDictionaryName} from '../../src/words.js'
import {factsOf, isCapitalised, isDemonym, isHonorific, isIndefinite, isRole} from './facts.js'
import type {NameRun, Notes, State} from './state.js'
import {adjacent, facts, isAttributionVerb, mayBeCapital, runWords, touching, type Tokens} from './tokens.js'

export function notesOf(state: State, word: string): Notes {
  let notes = state.notes.get(word)
  if (notes === undefined) {
    notes = {nameUse: false, realName: false, givenBefore: undefined, runs: undefined}
    state.notes.set(word, notes)
  }

  return notes
}

/**
 * A use that shows the word at `index` to be a real surname: after an honorific
 * (`Mr Frost`) or after a given name (`David Frost`) that is not a lexicon
 * entry's (`Dmitry Sands` is the translated Peskov).
 */
export function realNameUse(tokens: Tokens, index: number, state: State): boolean | string {
  const word = tokens.get(index)!
  if (!(facts(word) & isCapitalised)) return false
  const previous = tokens.get(index - 1)
  // `Mr. Frost`
  if (previous?.kind === 'punct' && previous.text === '.') {
    const title = tokens.get(index - 2)
    return title?.kind === 'word' && (facts(title) & isHonorific) !== 0 && touching(title, previous)
  }

  if (
    previous?.kind !== 'word' ||
    !adjacent(previous, word) ||
    !mayBeCapital(previous.text) ||
    !(facts(previous) & isCapitalised)
  ) {
    return false
  }

  if (facts(previous) & isHonorific) return true
  if (previous.text.length < 3 || facts(previous) & isRole) return false
  const entries = state.entries.get(word.text)
  if (entries?.some((entry) => entry.given.includes(previous.text))) return false
  // Real if `previous` is a given name (see `isRealName`).
  return previous.text
}

/** Whether the document shows `word` to be a real surname (`Mr Frost`, `Tom Green`). */
export function isRealName(state: State, word: string): boolean {
  const notes = state.notes.get(word)
  if (notes === undefined) return false
  if (notes.realName) return true
  for (const given of notes.givenBefore ?? []) {
    if (isDictionaryName(given) || !isCommonWord(given)) return true
  }

  return false
}

/**
 * A capitalised word mid-sentence outside any name slot (`of Meta`, `Meta's
 * shares`): the document uses it as a name.
 */
export function isNameUse(tokens: Tokens, index: number): boolean {
  const word = tokens.get(index)!
  if (!(facts(word) & isCapitalised) || word.lineStart) return false
  const previous = tokens.get(index - 1)
  const next = tokens.get(index + 1)
  if (next && isAttributionVerb(next)) return false
  if (word.possessive) return previous !== undefined && !/^[.!?:"“”«»]$/.test(previous.text)
  return (
    previous?.kind === 'word' &&
    !(facts(previous) & isIndefinite) &&
    !isAttributionVerb(previous)
  )
}

/** Remember a run of capitalised words from `from` to `end` whose name starts at `first`. */
export function addRun(state: State, tokens: Tokens, from: number, first: number, end: number): void {
  const words = runWords(tokens, from, end)
  const key = words.join(' ')
  if (state.nameRuns.has(key)) return
  const run: NameRun = {words}
  state.nameRuns.set(key, run)
  // The last word is a name only if it is no common word, and only common
  // words can be in a slot.
  for (let part = first - from; part < words.length - 1; part++) {
    const notes = notesOf(state, words[part]!)
    notes.runs ??= []
    notes.runs.push(run)
  }
}

/** Whether `word` is part of a full name the document uses (`Xi` of `Xi Jinping`). */
export function isNamePart(state: State, word: string): boolean {
  for (const run of state.notes.get(word)?.runs ?? []) {
    run.name ??= nameStart(run.words) !== undefined
    if (run.name) return true
  }

  return false
}

/**
 * Where the name in a run of capitalised words (`However Pavel Usov`,
 * `President Xi Jinping`) starts, after any common words (`However`) and
 * titles; undefined when the run is no name: its last word is a common word,
 * a title or a nationality, or it is a lone dictionary name (`Moscow`,
 * `Kremlin`: a place or an institution more often than a speaker).
 */
export function nameStart(words: string[]): number | undefined {
  const end = words.length - 1
  const last = words[end]!
  if (factsOf(last) & isRole || isDemonym(last) || isCommonWord(last)) return undefined
  let start = 0
  while (start < end && (isCommonWord(words[start]!) || factsOf(words[start]!) & isRole)) start++
  return start < end || !isDictionaryName(last) ? start : undefined
}
