/**
 * Speakers: the people the document names in a speaker's place (`analyst
 * Pavel Usov`, `Usov said`), so that a name slot after them can be fixed
 * with the most recent one.
 */
import {isArticle, isCapitalised, isRole} from './facts.js'
import {nameStart} from './names.js'
import {endsAt} from './slots.js'
import type {Speaker, State} from './state.js'
import {facts, isAttributionVerb, runWords, type Tokens} from './tokens.js'

/**
 * The most runs `recentSpeakers` looks back over: a document that names the
 * same speaker again and again would otherwise be read back to the start of
 * the window for every slot (quadratic with a large `window`).
 */
const speakerLookBack = 100

/** Surnames of the (three) speakers named before `start`, most recent first. */
export function recentSpeakers(state: State, start: number, exclude: string): string[] {
  const found: string[] = []
  const {speakers} = state
  const last = countBefore(speakers, start) - 1
  for (let index = last; index >= 0 && index > last - speakerLookBack && found.length < 3; index--) {
    const speaker = speakers[index]!
    const from = speakerStart(speaker)
    if ((from ?? speaker.starts[0]!) < start - state.window) break
    if (from === undefined) continue
    const surname = speaker.words[speaker.words.length - 1]!
    if (surname !== exclude && !found.includes(surname)) found.push(surname)
  }

  return found
}

/**
 * Forget the speakers no slot at `from` or later can reach: `recentSpeakers`
 * stops at the first speaker (going back) that starts more than `window`
 * before the slot, so the ones before that speaker are never reached. They
 * are dropped once they are at least half of the list, so that each is
 * copied a bounded number of times.
 */
export function dropOldSpeakers(state: State, from: number): void {
  const {speakers} = state
  const unreachable = countBefore(speakers, from - state.window) - 1
  if (unreachable > 0 && unreachable * 2 >= speakers.length) state.speakers = speakers.slice(unreachable)
}

/**
 * How many speakers start before `offset` (a run that is no speaker counts
 * by its first word): speakers are in document order, so by halves.
 */
function countBefore(speakers: Speaker[], offset: number): number {
  let low = 0
  let high = speakers.length
  while (low < high) {
    const middle = (low + high) >> 1
    const speaker = speakers[middle]!
    if ((speakerStart(speaker) ?? speaker.starts[0]!) < offset) low = middle + 1
    else high = middle
  }

  return low
}

/** Remember the run of capitalised words from `from` to `end` if it is in a speaker's place. */
export function addSpeaker(state: State, tokens: Tokens, from: number, end: number): void {
  const after = afterSpeaker(tokens, end)
  let speaking = after
  for (let start = from; start <= end && !speaking; start++) speaking = beforeSpeaker(tokens, start, end)
  if (!speaking) return
  const starts: number[] = []
  const speaks: boolean[] = []
  for (let start = from; start <= end; start++) {
    starts.push(tokens.get(start)!.start)
    speaks.push(after || beforeSpeaker(tokens, start, end))
  }

  state.speakers.push({words: runWords(tokens, from, end), starts, speaks})
}

/** Where the speaker's name starts, or undefined when the run is no speaker. */
function speakerStart(speaker: Speaker): number | undefined {
  if (speaker.start === undefined) {
    const start = nameStart(speaker.words)
    speaker.start = start !== undefined && speaker.speaks[start] ? speaker.starts[start]! : -1
  }

  return speaker.start < 0 ? undefined : speaker.start
}

/**
 * Whether a name is given as a speaker by what precedes it: `analyst Pavel
 * Usov`, `, concludes Usov.`, `according to Usov`.
 */
function beforeSpeaker(tokens: Tokens, start: number, end: number): boolean {
  const before = tokens.get(start - 1)
  if (before?.kind !== 'word') return false
  if (facts(before) & isRole) return true
  if (isAttributionVerb(before) && endsAt(tokens, end)) return true
  return before.text === 'to' && tokens.get(start - 2)?.text.toLowerCase() === 'according'
}

/**
 * Whether a name is given as a speaker by what follows it: `Usov said`,
 * `Usov, in turn, said`, `Pavel Usov, Belarusian political analyst:`.
 */
function afterSpeaker(tokens: Tokens, end: number): boolean {
  const after = tokens.get(end + 1)
  if (after === undefined) return false

  // `Usov said` — but not `Lukashenko, concludes a Mustache`, where the verb
  // belongs to the name after it.
  if (isAttributionVerb(after) && !invertedAfter(tokens, end + 1)) return true
  if (after.kind === 'punct' && after.text === ',') {
    // `Usov, in turn, said`
    for (let index = end + 2; index < tokens.length && index <= end + 7; index++) {
      const token = tokens.get(index)!
      if (token.kind === 'punct') {
        if (token.text !== ',') break
        const verb = tokens.get(index + 1)
        if (verb && isAttributionVerb(verb) && !invertedAfter(tokens, index + 1)) return true
        break
      }
    }
  }

  // `Pavel Usov, Belarusian political analyst:` — words and commas up to a
  // colon, so first the colon (cheap), then the words.
  if (tokens.colons === 0) return false
  let colon = false
  for (let index = end + 1; index < tokens.length && index <= end + 8; index++) {
    const token = tokens.get(index)!
    if (token.kind === 'word') continue
    colon = token.text === ':'
    if (token.text !== ',') break
  }

  if (!colon) return false
  let role = false
  for (let index = end + 1; index < tokens.length && index <= end + 8; index++) {
    const token = tokens.get(index)!
    if (token.kind === 'word') {
      if (isAttributionVerb(token)) break
      if (facts(token) & isRole) role = true
    } else if (token.text === ':') {
      return role
    } else if (token.text !== ',') {
      break
    }
  }

  return false
}

/** The attribution verb at `index` is inverted: its subject follows (`concludes a Mustache.`). */
function invertedAfter(tokens: Tokens, index: number): boolean {
  let next = index + 1
  if (tokens.get(next)?.kind === 'word' && facts(tokens.get(next)!) & isArticle) next++
  const word = tokens.get(next)
  return word?.kind === 'word' && Boolean(facts(word) & isCapitalised) && endsAt(tokens, next)
}
