/**
 * Name slots: the places where English has a person (`, concludes a
 * Mustache.`, `Dmitry Sands`, `Sands: …`), found while a paragraph's tokens
 * are at hand.
 */
import {isIndefinite, isInitial, isRole} from './facts.js'
import type {Slot, State} from './state.js'
import {adjacent, facts, isAttributionVerb, touching, type Tokens} from './tokens.js'

/** Punctuation after which an attribution verb starts an inverted clause (`”, said X`). */
const opensAttribution = new Set([',', '—', '–', '-', '"', '”', '“', '»', '«', "'", '’', ')', ':'])
/** Punctuation that ends the name slot (`said Sands.`, `said Sands,`). */
const endsSlot = new Set(['.', ',', ';', '!', '?', ')', ':', '—', '–', '-', '"', '”', '»', '’', '…'])
/** What may follow a headline head (`Sands: …`, `Bulk - what …`). */
const headlineMarks = new Set([':', '-', '–', '—'])

/**
 * Whether there may be a name slot at the capitalised word at `index`: a
 * lexicon word, or one next to an attribution verb (`, concludes [a]
 * Mustache`, `, Sands said`). Only such words are looked at closely.
 */
export function maySlot(tokens: Tokens, index: number, state: State): boolean {
  const word = tokens.get(index)!
  if (word.possessive) return false
  if (state.entries.has(word.text)) return true
  const before = tokens.get(index - 1)
  const beforeThat = tokens.get(index - 2)
  const after = tokens.get(index + 1)
  return (
    (before !== undefined && isAttributionVerb(before)) ||
    (beforeThat !== undefined && isAttributionVerb(beforeThat)) ||
    (after !== undefined && isAttributionVerb(after))
  )
}

/** The name slot at the capitalised word at `index`, if there is one. */
export function findSlot(tokens: Tokens, index: number, state: State): Slot | undefined {
  const word = tokens.get(index)!
  const entries = state.entries.get(word.text)
  if (entries === undefined) {
    const slot = verbSlot(tokens, index, false)
    if (!slot) return undefined
    return {word: word.text, start: slot.start, end: word.end, kind: 'verb', article: slot.article, givenEntry: undefined}
  }

  const previous = tokens.get(index - 1)
  const givenEntry = entries.find(
    (entry) => previous?.kind === 'word' && adjacent(previous, word) && entry.given.includes(previous.text)
  )
  const slot = givenEntry ? {start: word.start, kind: 'given' as const} : lexiconSlot(tokens, index)
  if (!slot) return undefined
  return {word: word.text, start: slot.start, end: word.end, kind: slot.kind, article: false, givenEntry}
}

/**
 * An attribution slot: `, concludes [a] Word.` or `, [a] Word said.` (also
 * at a line start for lexicon words: `Sands said that …`). The verb must
 * follow a comma, dash or quotation, so `They concluded a Contract.` is no
 * slot. Returns where the replaced text starts (at the article when there is
 * one).
 */
function verbSlot(
  tokens: Tokens,
  index: number,
  lexicon: boolean
): {start: number; article: boolean} | undefined {
  const word = tokens.get(index)!
  const before = tokens.get(index - 1)
  // Only `a`/`an`: `, writes the Guardian.` is English.
  const article =
    before?.kind === 'word' && adjacent(before, word) && facts(before) & isIndefinite ? before : undefined
  const head = article ? index - 1 : index
  const start = article ? article.start : word.start
  const result = {start, article: article !== undefined}

  // `…, concludes [a] Mustache.`
  const verb = tokens.get(head - 1)
  if (verb && isAttributionVerb(verb) && endsAt(tokens, index)) {
    const opener = tokens.get(head - 2)
    if (opener?.kind === 'punct' && opensAttribution.has(opener.text)) return result
  }

  // `…, [a] Mustache said.`
  const after = tokens.get(index + 1)
  if (after && isAttributionVerb(after)) {
    const opener = tokens.get(head - 1)
    const atLineStart = tokens.get(head)!.lineStart || opener === undefined
    const opened =
      (opener?.kind === 'punct' && opener.text !== ':' && opensAttribution.has(opener.text)) ||
      // A sentence start: `A Mustache said.`, or a lexicon word (`Sands said`).
      ((article !== undefined || lexicon) &&
        (atLineStart || (opener?.kind === 'punct' && /^[.!?]$/.test(opener.text))))
    const next = tokens.get(index + 2)
    const closed =
      next === undefined ||
      (next.kind === 'punct' && endsSlot.has(next.text)) ||
      (next.kind === 'word' && next.text === 'that')
    if (opened && closed) return result
  }

  return undefined
}

/** Name slots for a lexicon word: the attribution slots, and a few more. */
function lexiconSlot(tokens: Tokens, index: number): {start: number; kind: Slot['kind']} | undefined {
  const verb = verbSlot(tokens, index, true)
  if (verb) return {start: verb.start, kind: 'verb'}
  const word = tokens.get(index)!
  const previous = tokens.get(index - 1)
  const next = tokens.get(index + 1)

  // `V. Nightingale`, `Dm.Sands`
  if (
    previous?.kind === 'punct' &&
    previous.text === '.' &&
    tokens.get(index - 2)?.kind === 'word' &&
    facts(tokens.get(index - 2)!) & isInitial &&
    touching(tokens.get(index - 2)!, previous)
  ) {
    return {start: word.start, kind: 'initial'}
  }

  // `Sands: …` or `Bulk - what …` heading a line.
  if (word.lineStart && next?.kind === 'punct' && headlineMarks.has(next.text)) {
    return {start: word.start, kind: 'headline'}
  }

  // `spokesman Sands said`, `spokesman Sands.`
  if (
    previous?.kind === 'word' &&
    facts(previous) & isRole &&
    (endsAt(tokens, index) || (next !== undefined && isAttributionVerb(next)))
  ) {
    return {start: word.start, kind: 'role'}
  }

  return undefined
}

/** The slot ends after `tokens.get(index)`: punctuation or the end of the paragraph. */
export function endsAt(tokens: Tokens, index: number): boolean {
  const next = tokens.get(index + 1)
  return next === undefined || (next.kind === 'punct' && endsSlot.has(next.text))
}
