/**
 * `translated-name`: a person's surname that machine translation rendered as
 * a common English word.
 *
 * Russian, Ukrainian and Belarusian surnames are often case forms of nouns
 * (Усов is the genitive plural of усы ‘moustache’, Песков of песок ‘sand’),
 * and MT translates them: `…, concludes a Mustache.` for the analyst Pavel
 * Usov; `said Sands` or a headline `Sands:` for the Kremlin spokesman Dmitry
 * Peskov.
 *
 * A finding needs a **name slot**, a place where English has a person:
 * - after an attribution verb that follows a comma, dash or quotation
 *   (`, concludes a Mustache.`), or before one (`, a Mustache said.`);
 * - for lexicon words only, also after the person's given name (`Dmitry
 *   Sands`), after an initial (`V. Nightingale`), after a role (`spokesman
 *   Sands`) or as the head of a headline line (`Sands: …`, `Bulk - what will
 *   London answer?`).
 *
 * Two ways to know whose name it is:
 * - **context**: the person named before it in the document as a speaker
 *   (introduced with a role, an attribution verb or a colon: `Pavel Usov,
 *   Belarusian political analyst: …`); the most recent one wins;
 * - **lexicon** (`lexicon.json`): surnames of public figures and the English
 *   words MT makes of them, each with its evidence.
 *
 * The fix replaces the article too (`concludes a Mustache` → `concludes
 * Usov`). It is proposed when the document names the person (the lexicon's
 * surname, or a speaker found in context); a lexicon word with attested or
 * reported evidence in a document about Russia, Ukraine or Belarus is fixed
 * too. Otherwise the finding has no fix (with the lexicon's surname as a
 * suggestion when there is one).
 *
 * Not flagged: words the dictionary also knows as names (`said Bill`, `says
 * Rose`), titles (`said the Minister`), a word the document shows to be a
 * real surname (`Mr Frost`, `Tom Green said … said Green`), capitalised
 * words that are not in a name slot (`the Sands of time`), ALL CAPS.
 */
import type {Paragraph, Root, Word} from 'nlcst'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {toString} from 'nlcst-to-string'
import {definePhasedRule, report} from '../../src/rule-kit.js'
import {isCommonWord, isDictionaryName} from '../../src/words.js'
import lexiconData from './lexicon.json' with {type: 'json'}
import vocabulary from './vocabulary.json' with {type: 'json'}

const ruleId = 'translated-name'

export interface LexiconEntry {
  surname: string
  variants?: string[]
  given?: string[]
  words: string[]
  cyrillic?: string
  /**
   * `attested` and `reported` entries may fix on their own in a document
   * about the region, `plausible` ones only when the document names the
   * person; `user` entries (the `lexicon` option) fix wherever they are in a
   * name slot.
   */
  evidence?: 'attested' | 'reported' | 'plausible' | 'user'
}

export interface Options {
  /** More surnames MT translates; they fix in any document. */
  lexicon?: LexiconEntry[]
  /** How far back (in characters) a speaker may be named. Default 3000. */
  window?: number
}

const attribution = new Set(vocabulary.attribution)
const roles = new Set(vocabulary.roles)
const honorifics = new Set(vocabulary.honorifics)
const contextWords = new Set(vocabulary.context)
const articles = new Set(['a', 'an', 'the'])

/** Punctuation after which an attribution verb starts an inverted clause (`”, said X`). */
const opensAttribution = new Set([',', '—', '–', '-', '"', '”', '“', '»', '«', "'", '’', ')', ':'])
/** Punctuation that ends the name slot (`said Sands.`, `said Sands,`). */
const endsSlot = new Set(['.', ',', ';', '!', '?', ')', ':', '—', '–', '-', '"', '”', '»', '’', '…'])
/** What may follow a headline head (`Sands: …`, `Bulk - what …`). */
const headlineMarks = new Set([':', '-', '–', '—'])

const capitalised = /^\p{Lu}\p{Ll}+$/u
const nameLike = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*$/u
const initial = /^\p{Lu}\p{Ll}?$/u
const plainWord = /^\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*$/u

/**
 * A run of capitalised words in a speaker's place (`analyst Pavel Usov`,
 * `Usov said`). Whether it is a name, and so a speaker, the dictionary says
 * when that is first asked (`speakerStart`).
 */
interface Speaker {
  words: string[]
  /** Where each word starts. */
  starts: number[]
  /** Whether the run is a speaker if the name starts at each word (see `beforeSpeaker`). */
  speaks: boolean[]
  /** Where the name starts (-1: no speaker), once asked. */
  start?: number
}

/** What the document shows about a capitalised word (or a hyphenated name). */
interface Notes {
  /** Used mid-sentence outside any name slot (`of Meta`, `Meta's shares`). */
  nameUse: boolean
  /** Shown to be a real surname (`Mr Frost`). */
  realName: boolean
  /**
   * The capitalised words written right before it (`Tom` of `Tom Green`):
   * it is a real surname if one of them is a given name, which the
   * dictionary is asked only about the few words found in a slot.
   */
  givenBefore: Set<string> | undefined
  /**
   * The runs of capitalised words it would be part of the name of (`Xi` of
   * `President Xi Jinping`); whether a run is a name is asked the same way.
   */
  runs: NameRun[] | undefined
}

interface State {
  entries: Map<string, Array<Required<LexiconEntry>>>
  window: number
  /** What the document shows about its capitalised words, where it shows anything. */
  notes: Map<string, Notes>
  /** Spellings of the lexicon's surnames (surname and variants), and their length, first and last letter. */
  spellings: Set<string>
  spellingShapes: Set<number>
  /** Those of them the document uses. */
  present: Set<string>
  /** The document's runs of two or more capitalised words, each once. */
  nameRuns: Map<string, NameRun>
  /** The name slots that hold a capitalised word, in document order. */
  slots: Slot[]
  /**
   * Speakers in document order. The speakers before a slot are looked up
   * when its paragraph is read (see `collectParagraph`), so those more than
   * `window` characters back are dropped (`dropOldSpeakers`) and memory
   * stays flat.
   */
  speakers: Speaker[]
  /** The document is about Russia, Ukraine or Belarus. */
  slavic: boolean
}

function createState(options: Options | undefined): State {
  const entries = new Map<string, Array<Required<LexiconEntry>>>()
  const all = [
    ...(lexiconData.entries as LexiconEntry[]),
    ...(options?.lexicon ?? []).map((entry) => ({...entry, evidence: 'user' as const}))
  ]
  for (const entry of all) {
    const full: Required<LexiconEntry> = {
      variants: [],
      given: [],
      cyrillic: '',
      evidence: 'plausible',
      ...entry
    }
    for (const word of full.words) {
      const list = entries.get(word) ?? []
      list.push(full)
      entries.set(word, list)
    }
  }

  const spellings = new Set<string>()
  for (const list of entries.values()) {
    for (const entry of list) {
      for (const spelling of [entry.surname, ...entry.variants]) spellings.add(spelling)
    }
  }

  return {
    entries,
    window: options?.window ?? 3000,
    notes: new Map(),
    spellings,
    spellingShapes: new Set([...spellings].map((spelling) => spellingShape(spelling))),
    present: new Set(),
    nameRuns: new Map(),
    slots: [],
    speakers: [],
    slavic: false
  }
}

/** Every piece, in document order: who the document names and how, and the name slots. */
function collect(tree: Root, _file: VFile, state: State): void {
  for (const paragraph of tree.children) {
    if (paragraph.type === 'ParagraphNode') collectParagraph(paragraph, state)
  }

  shared.release()
}

/** One paragraph of the first pass (a function of its own, so that the engine optimizes it early). */
function collectParagraph(paragraph: Paragraph, state: State): void {
  const tokens = tokenize(paragraph)
  const firstSlot = state.slots.length
  // Where the run of capitalised words that the current word is in starts,
  // and whether the last capitalised word goes on into the next.
  let run = 0
  let last = -1
  let goesOn = false
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens.get(index)!
    // Lower-case words only matter as the context of capitalised ones.
    if (token.kind !== 'word' || !mayBeCapital(token.text)) continue
    const known = facts(token)
    if (known & isContext) state.slavic = true
    if (!(known & isNameLike)) continue
    const {text} = token
    if (mayBeSpelling(state, text)) state.present.add(text)
    if (last !== index - 1 || !goesOn) run = index
    if (known & isCapitalised) {
      const realName = realNameUse(tokens, index, state)
      if (realName === true) notesOf(state, text).realName = true
      else if (realName !== false) (notesOf(state, text).givenBefore ??= new Set()).add(realName)
      if (isNameUse(tokens, index)) notesOf(state, text).nameUse = true
      if (!(known & (isRole | isHonorific)) && maySlot(tokens, index, state)) {
        const slot = findSlot(tokens, index, state)
        if (slot) state.slots.push(slot)
      }
    }

    last = index
    goesOn = continuesRun(tokens, index)
    if (!goesOn) addName(state, tokens, run, index)
  }

  // Every speaker before this paragraph's slots is known now (a run that
  // starts before a slot may end after it): look them up, then forget the
  // speakers that no later slot can reach.
  for (let index = firstSlot; index < state.slots.length; index++) {
    const slot = state.slots[index]!
    slot.speakers = recentSpeakers(state, slot.start, slot.word)
  }

  if (tokens.length > 0) dropOldSpeakers(state, tokens.get(tokens.length - 1)!.end)
}

/**
 * Whether the capitalised word after `index` continues the run of
 * capitalised words at `index` (`Pavel Usov`), which ends before a
 * nationality (`Alexey Jerman Belarusian political analyst:`).
 */
function continuesRun(tokens: Tokens, index: number): boolean {
  const word = tokens.get(index)!
  const next = tokens.get(index + 1)
  return (
    !word.possessive &&
    next?.kind === 'word' &&
    mayBeCapital(next.text) &&
    (facts(next) & isNameLike) !== 0 &&
    adjacent(word, next) &&
    !isDemonymToken(next)
  )
}

/**
 * A run of capitalised words from `from` to `end`: the words of the name it
 * may be (`Xi` of `President Xi Jinping`), and whether it is a speaker.
 */
function addName(state: State, tokens: Tokens, from: number, end: number): void {
  // The other words of the name: those after any title or nationality
  // (`Russian Prime Minister Dmitry Medvedev` → `Dmitry`, `President Xi
  // Jinping` → `Xi`).
  let first = end
  while (first > from && isGivenName(tokens.get(first - 1)!)) first--
  if (first < end) addRun(state, tokens, from, first, end)
  addSpeaker(state, tokens, from, end)
}

function notesOf(state: State, word: string): Notes {
  let notes = state.notes.get(word)
  if (notes === undefined) {
    notes = {nameUse: false, realName: false, givenBefore: undefined, runs: undefined}
    state.notes.set(word, notes)
  }

  return notes
}

/**
 * Whether `word` is a spelling of a lexicon surname; most words differ from
 * all of them in length, first or last letter, which is cheaper to see.
 */
function mayBeSpelling(state: State, word: string): boolean {
  return state.spellingShapes.has(spellingShape(word)) && state.spellings.has(word)
}

function spellingShape(word: string): number {
  return shape(word.length, word.charCodeAt(0), 0, word.charCodeAt(word.length - 1))
}

/**
 * Whether there may be a name slot at the capitalised word at `index`: a
 * lexicon word, or one next to an attribution verb (`, concludes [a]
 * Mustache`, `, Sands said`). Only such words are looked at closely.
 */
function maySlot(tokens: Tokens, index: number, state: State): boolean {
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

/**
 * A capitalised word in a name slot (see `findSlot`), found while its
 * paragraph's tokens are at hand; whether it is a translated name needs the
 * whole document and is decided in `finish`.
 */
interface Slot {
  word: string
  /** Where the replaced text starts (at `a` in `concludes a Mustache`). */
  start: number
  end: number
  kind: 'verb' | 'given' | 'initial' | 'headline' | 'role'
  /** An article (`a`, `an`) is part of the replaced text. */
  article: boolean
  /** For a lexicon word after its person's given name (`Dmitry Sands`): that person. */
  givenEntry: Required<LexiconEntry> | undefined
  /** Surnames of the speakers named before it, most recent first (`recentSpeakers`). */
  speakers?: string[]
}

/** The name slot at the capitalised word at `index`, if there is one. */
function findSlot(tokens: Tokens, index: number, state: State): Slot | undefined {
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
 * Once the whole document is read: report the slots that hold a translated
 * name, in document order.
 */
function finish(file: VFile, state: State): void {
  for (const slot of state.slots) {
    const entries = state.entries.get(slot.word)
    if (entries) reportLexiconWord(slot, entries, file, state)
    else reportContextWord(slot, file, state)
  }
}

/** A word of the lexicon (`Sands`) in a name slot. */
function reportLexiconWord(
  slot: Slot,
  entries: Array<Required<LexiconEntry>>,
  file: VFile,
  state: State
): void {
  const {word, givenEntry} = slot
  // `Lord Frost`, `David Frost`: a real person of that name.
  if (!givenEntry && isRealName(state, word)) return

  const named = entries
    .map((entry) => ({entry, spelled: spelledInDocument(entry, state)}))
    .find((found) => found.spelled !== undefined)
  // An entry not yet seen in MT output speaks only in a document about the
  // region, or when the document names the person.
  if (!givenEntry && !named && !state.slavic && entries.every((entry) => entry.evidence === 'plausible')) {
    return
  }

  const entry = givenEntry ?? named?.entry ?? entries[0]!
  const spelled = (named?.entry === entry ? named.spelled : undefined) ?? entry.surname
  const speaker = slot.kind === 'verb' ? slot.speakers![0] : undefined

  let fix = Boolean(givenEntry || named)
  const expected = [spelled]
  if (!fix && speaker && speaker !== spelled) {
    // The lexicon and the context disagree: let a person choose.
    expected.push(speaker)
  } else if (
    !fix &&
    (entry.evidence === 'user' ||
      (entry.evidence !== 'plausible' && state.slavic && !isDictionaryName(word)))
  ) {
    fix = true
  }

  for (const other of entries) {
    if (!expected.includes(other.surname)) expected.push(other.surname)
  }

  const actual = String(file).slice(slot.start, slot.end)
  report(file, {
    ruleId,
    reason: `\`${actual}\` stands where a name belongs and is how machine translation renders the surname ${entry.surname}${entry.cyrillic ? ` (${entry.cyrillic})` : ''}`,
    start: slot.start,
    end: slot.end,
    expected,
    fix,
    note: fix
      ? undefined
      : 'Not fixed automatically: the document does not name this person; check the original.'
  })
}

/**
 * A common word that is no lexicon entry in an attribution slot. With `a`
 * (`, concludes a Mustache.`) it cannot be English: flagged, and fixed with
 * the speaker named before it. Bare (`, said Walrus.`) it may be a company or
 * a paper (`, said Meta.`), so it is only suggested, in a document about
 * Russia, Ukraine or Belarus that names a speaker before it.
 */
function reportContextWord(slot: Slot, file: VFile, state: State): void {
  const {word} = slot
  if (!isCommonWord(word) || isDictionaryName(word)) return
  // A part of a name the document uses (`Xi` of `Xi Jinping`), a real
  // surname (`Tom Green`), or a word the document uses as a name elsewhere
  // (`Meta's shares`).
  if (isNamePart(state, word) || isRealName(state, word)) return
  if (state.notes.get(word)?.nameUse) return

  const actual = String(file).slice(slot.start, slot.end)
  const speakers = slot.speakers!
  if (!slot.article && (!state.slavic || speakers.length === 0)) return

  if (speakers.length > 0) {
    report(file, {
      ruleId,
      reason: `\`${actual}\` stands where a speaker's name belongs; the speaker named before it is ${speakers[0]}`,
      start: slot.start,
      end: slot.end,
      expected: speakers,
      fix: slot.article,
      note: slot.article
        ? undefined
        : 'Not fixed automatically: a bare capitalised word here may also be a company or a publication.'
    })
  } else {
    report(file, {
      ruleId,
      reason: `\`${actual}\` stands where a speaker's name belongs: a surname translated as a common word?`,
      start: slot.start,
      end: slot.end,
      fix: false,
      note: 'No speaker is named before it in the document; check the original.'
    })
  }
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

/**
 * The most runs `recentSpeakers` looks back over: a document that names the
 * same speaker again and again would otherwise be read back to the start of
 * the window for every slot (quadratic with a large `window`).
 */
const speakerLookBack = 100

/** Surnames of the (three) speakers named before `start`, most recent first. */
function recentSpeakers(state: State, start: number, exclude: string): string[] {
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
function dropOldSpeakers(state: State, from: number): void {
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
function addSpeaker(state: State, tokens: Tokens, from: number, end: number): void {
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

/** How the document spells the lexicon entry's surname, if it names it. */
function spelledInDocument(entry: Required<LexiconEntry>, state: State): string | undefined {
  for (const spelling of [entry.surname, ...entry.variants]) {
    if (state.present.has(spelling)) return spelling
  }

  return undefined
}

/**
 * A use that shows the word at `index` to be a real surname: after an honorific
 * (`Mr Frost`) or after a given name (`David Frost`) that is not a lexicon
 * entry's (`Dmitry Sands` is the translated Peskov).
 */
function realNameUse(tokens: Tokens, index: number, state: State): boolean | string {
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
function isRealName(state: State, word: string): boolean {
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
function isNameUse(tokens: Tokens, index: number): boolean {
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

interface NameRun {
  words: string[]
  /** Whether the run is a name (see `nameStart`), once asked. */
  name?: boolean
}

function runWords(tokens: Tokens, from: number, end: number): string[] {
  const words: string[] = []
  for (let index = from; index <= end; index++) words.push(tokens.get(index)!.text)
  return words
}

/** Remember a run of capitalised words from `from` to `end` whose name starts at `first`. */
function addRun(state: State, tokens: Tokens, from: number, first: number, end: number): void {
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
function isNamePart(state: State, word: string): boolean {
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
function nameStart(words: string[]): number | undefined {
  const end = words.length - 1
  const last = words[end]!
  if (factsOf(last) & isRole || isDemonym(last) || isCommonWord(last)) return undefined
  let start = 0
  while (start < end && (isCommonWord(words[start]!) || factsOf(words[start]!) & isRole)) start++
  return start < end || !isDictionaryName(last) ? start : undefined
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

/**
 * A nationality or place adjective (`Belarusian`, `Russian`, `Ukrainian`,
 * `Chinese`): the word minus its suffix is a place the dictionary knows.
 */
function isDemonym(word: string): boolean {
  // Every suffix ends in n, e, h or i: most words are no demonym at once.
  const last = word.charCodeAt(word.length - 1)
  if (last !== 110 && last !== 101 && last !== 104 && last !== 105) return false
  let known = demonymMemo.get(word)
  if (known !== undefined) return known
  const match = /^(\p{Lu}\p{Ll}+?)(ian|ean|an|n|ese|ish|i)$/u.exec(word)
  const stem = match?.[1]
  known =
    stem !== undefined &&
    [stem, stem + 'a', stem + 'e', stem + 'ia', stem + 'y'].some(
      (place) => place.length > 2 && isDictionaryName(place)
    )
  if (demonymMemo.size >= memoLimit) demonymMemo = new Map()
  demonymMemo.set(word, known)
  return known
}

function isGivenName(word: Token): boolean {
  return !(facts(word) & isRole) && !isDemonymToken(word)
}

/** `isDemonym` of a token's text, remembered with its facts. */
function isDemonymToken(token: Token): boolean {
  const known = facts(token)
  if (known & isDemonymKnown) return (known & isDemonymWord) !== 0
  const demonym = isDemonym(token.text)
  token.facts = known | isDemonymKnown | (demonym ? isDemonymWord : 0)
  return demonym
}

function isAttributionVerb(token: Token): boolean {
  return (facts(token) & isAttribution) !== 0
}

/** The slot ends after `tokens.get(index)`: punctuation or the end of the paragraph. */
function endsAt(tokens: Tokens, index: number): boolean {
  const next = tokens.get(index + 1)
  return next === undefined || (next.kind === 'punct' && endsSlot.has(next.text))
}

/** Two words separated by white space only (not a line break). */
function adjacent(left: Token, right: Token): boolean {
  // As `right.start > left.end`: tokens follow each other without a gap
  // unless a node lies between them, and a possessive's `'s` is left out.
  return !right.lineStart && (right.spaced || left.possessive)
}

/** Two tokens with nothing between them (`V.`): as `left.end === right.start`. */
function touching(left: Token, right: Token): boolean {
  return !right.spaced && !left.possessive
}

/*
 * Tokens and what the rule knows of them. A document has hundreds of
 * thousands of words, and the rule looks closely only at the capitalised ones
 * and their neighbours, so everything here is built to be cheap: the facts
 * of a word are bits, worked out when first asked (most words start with a
 * lower-case letter, and only the vocabulary can say anything of them; a
 * glance at their length, first and last letter rules most out), capitalised
 * ASCII words are read character by character, and only the rare others go
 * through the regular expressions, once per distinct word (a memo emptied
 * when it gets large, so that endless distinct words keep memory flat).
 */
const isCapitalised = 1
const isNameLike = 2
const isInitial = 4
const isRole = 8
const isHonorific = 16
const isAttribution = 32
const isContext = 64
const isIndefinite = 128
const isArticle = 256
/** Set on a token's facts once `isDemonym` is known (not by `factsOf`). */
const isDemonymKnown = 512
const isDemonymWord = 1024

/** Vocabulary facts of a word as written (`attribution` is case-sensitive). */
function exactFacts(text: string): number {
  return (
    (honorifics.has(text) ? isHonorific : 0) |
    (attribution.has(text) ? isAttribution : 0) |
    (contextWords.has(text) ? isContext : 0)
  )
}

/** Vocabulary facts of a word in any case (`roles`, articles). */
function loweredFacts(lower: string): number {
  return (
    (roles.has(lower) ? isRole : 0) |
    (lower === 'a' || lower === 'an' ? isIndefinite : 0) |
    (articles.has(lower) ? isArticle : 0)
  )
}

/** A vocabulary word in lower case, with its facts. */
interface VocabularyWord {
  lower: string
  /** `loweredFacts(lower)`. */
  lowered: number
  /** Its spellings with facts as written (`Mr`, `said`, `Russia`): `exactFacts`. */
  exact: Array<[string, number]>
}

/**
 * The vocabulary by the length and the first, second and last letter of its
 * words: most words of a text differ from all of them there, which is cheaper
 * to see (and then to compare) than to look a word up.
 */
const vocabularyByShape = new Map<number, VocabularyWord[]>()
/**
 * The same for length, first and last letter only, as a table read without
 * hashing; `outline` is undefined for words it cannot hold.
 */
const vocabularyOutlines = new Uint8Array(16 * 26 * 26)
let vocabularyBeyondOutlines = false
for (const word of [...attribution, ...roles, ...honorifics, ...contextWords, ...articles]) {
  const lower = word.toLowerCase()
  const place = outline(lower.length, lower.charCodeAt(0), lower.charCodeAt(lower.length - 1))
  if (place === undefined) vocabularyBeyondOutlines = true
  else vocabularyOutlines[place] = 1
  const key = shape(lower.length, lower.charCodeAt(0), lower.charCodeAt(1), lower.charCodeAt(lower.length - 1))
  const list = vocabularyByShape.get(key) ?? []
  vocabularyByShape.set(key, list)
  let entry = list.find((known) => known.lower === lower)
  if (entry === undefined) {
    entry = {lower, lowered: loweredFacts(lower), exact: []}
    list.push(entry)
  }

  const exact = exactFacts(word)
  if (exact && !entry.exact.some(([spelling]) => spelling === word)) entry.exact.push([word, exact])
}

/** Where a length and two lower-case ASCII letters are in `vocabularyOutlines`. */
function outline(length: number, first: number, last: number): number | undefined {
  if (length > 15 || first < 97 || first > 122 || last < 97 || last > 122) return undefined
  return (length * 26 + first - 97) * 26 + last - 97
}

/** A small number for a length and three ASCII characters (`| 0` for none). */
function shape(length: number, first: number, second: number, last: number): number {
  return (Math.min(length, 63) << 24) | ((first & 255) << 16) | ((second & 255) << 8) | (last & 255)
}

const memoLimit = 50_000
let factsMemo = new Map<string, number>()
let demonymMemo = new Map<string, boolean>()

/**
 * The facts of a word. ASCII words (nearly all) are read character by
 * character, which is cheaper than any look-up; the rest are worked out with
 * the regular expressions, once per distinct word.
 */
function factsOf(text: string): number {
  const {length} = text
  if (length === 0) return 0
  const first = text.charCodeAt(0)
  const last = text.charCodeAt(length - 1)
  // Most words start with an ASCII character that is no capital: no pattern
  // above can match them, only the vocabulary may know them.
  if (first < 128 && !(first >= 65 && first <= 90) && last < 128) return vocabularyFactsOf(text, first, last)
  // `[A-Z][a-z]+(-[A-Z][a-z]+)*`: capital at a part's start, then lower case.
  let nameLikeSoFar = true
  let hyphens = 0
  let partStart = true
  let partLength = 0
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 128) return memoFacts(text)
    if (!nameLikeSoFar) continue
    if (partStart) {
      if (code < 65 || code > 90) nameLikeSoFar = false
      partStart = false
      partLength = 1
    } else if (code >= 97 && code <= 122) {
      partLength++
    } else if (code === 45 /* - */ && partLength >= 2) {
      hyphens++
      partStart = true
    } else {
      nameLikeSoFar = false
    }
  }

  const nameLikeWord = nameLikeSoFar && !partStart && partLength >= 2
  return (
    (nameLikeWord ? isNameLike : 0) |
    (nameLikeWord && hyphens === 0 ? isCapitalised : 0) |
    // `[A-Z][a-z]?`
    (first >= 65 && first <= 90 && (length === 1 || (length === 2 && last >= 97 && last <= 122)) ? isInitial : 0) |
    vocabularyFactsOf(text, first, last)
  )
}

/**
 * The vocabulary's facts of a word whose first and last characters are
 * ASCII: `exactFacts(text) | loweredFacts(lower)`.
 */
function vocabularyFactsOf(text: string, first: number, last: number): number {
  const {length} = text
  const second = length > 1 ? text.charCodeAt(1) : Number.NaN
  // Past the first two, other characters lower-case to ASCII at the same
  // length or make no vocabulary word.
  if (second >= 128) return exactFacts(text) | loweredFacts(text.toLowerCase())
  const lowerFirst = lowerAscii(first)
  const lowerLast = lowerAscii(last)
  const place = outline(length, lowerFirst, lowerLast)
  if (place === undefined ? !vocabularyBeyondOutlines : vocabularyOutlines[place] === 0) return 0
  const list = vocabularyByShape.get(shape(length, lowerFirst, lowerAscii(second), lowerLast))
  if (list === undefined) return 0
  for (const word of list) if (word.lower === text) return word.lowered | exactOf(word, text)
  // Not a vocabulary word in lower case: perhaps in another case (`The`).
  const lower = text.toLowerCase()
  if (lower === text) return 0
  for (const word of list) if (word.lower === lower) return word.lowered | exactOf(word, text)
  return 0
}

function exactOf(word: VocabularyWord, text: string): number {
  for (const [spelling, facts] of word.exact) if (spelling === text) return facts
  return 0
}

/** ASCII lower case: `| 32` for A-Z. */
function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code | 32 : code
}

function memoFacts(text: string): number {
  let facts = factsMemo.get(text)
  if (facts !== undefined) return facts
  const lower = text.toLowerCase()
  facts =
    (capitalised.test(text) ? isCapitalised : 0) |
    (nameLike.test(text) ? isNameLike : 0) |
    (initial.test(text) ? isInitial : 0) |
    exactFacts(text) |
    loweredFacts(lower)
  if (factsMemo.size >= memoLimit) factsMemo = new Map()
  factsMemo.set(text, facts)
  return facts
}

type Kind = 'word' | 'punct' | 'other'

class Token {
  constructor(
    public kind: Kind,
    public text: string,
    /** The node's place; its offsets are read only for the few tokens compared or reported. */
    public position: Position,
    /** First token of its line. */
    public lineStart: boolean,
    /** White space (or another node that is no token) comes right before it. */
    public spaced: boolean,
    /** A word written with a possessive `'s`, which `text` leaves out. */
    public possessive: boolean,
    /** `factsOf(text)` for words once asked (-1 before), 0 for the rest. */
    public facts: number
  ) {}

  get start(): number {
    return this.position.start.offset!
  }

  get end(): number {
    return this.position.end.offset! - (this.possessive ? 2 : 0)
  }
}

/** The place of a released token. */
const nowhere: Position = {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}

/**
 * The tokens of one paragraph. The token objects are reused from paragraph
 * to paragraph: a document has hundreds of thousands of tokens, and most
 * are only looked at once.
 */
class Tokens {
  items: Token[] = []
  length = 0
  /** The most tokens since the last `release`. */
  used = 0
  /** Tokens other than words that are a colon. */
  colons = 0

  /** The token at `index`, undefined outside the paragraph. */
  get(index: number): Token | undefined {
    return index >= 0 && index < this.length ? this.items[index] : undefined
  }

  /**
   * Let go of every token's text and place once a piece is read: held by
   * these long-lived objects, they would outlive the piece's tree.
   */
  release(): void {
    for (let index = 0; index < this.used; index++) {
      const token = this.items[index]!
      token.text = ''
      token.position = nowhere
    }

    this.used = 0
    this.length = 0
  }

  push(
    kind: Kind,
    text: string,
    position: Position,
    lineStart: boolean,
    spaced: boolean,
    possessive: boolean
  ): void {
    const facts = kind === 'word' ? -1 : 0
    if (kind !== 'word' && text === ':') this.colons++
    const token = this.items[this.length]
    if (token === undefined) {
      this.items.push(new Token(kind, text, position, lineStart, spaced, possessive, facts))
    } else {
      token.kind = kind
      token.text = text
      token.position = position
      token.lineStart = lineStart
      token.spaced = spaced
      token.possessive = possessive
      token.facts = facts
    }

    if (++this.length > this.used) this.used = this.length
  }
}

const shared = new Tokens()

/** What the rule knows of a token's text (see `factsOf`). */
function facts(token: Token): number {
  if (token.facts < 0) token.facts = factsOf(token.text)
  return token.facts
}

/**
 * Whether a word may start with an upper-case letter: false at once for the
 * many words that start with an ASCII lower-case letter or a digit.
 */
function mayBeCapital(text: string): boolean {
  const code = text.charCodeAt(0)
  return !((code >= 97 && code <= 122) || (code >= 48 && code <= 57))
}

/**
 * A paragraph as a flat token list: words (a possessive `'s` marked, not
 * kept), punctuation (also split off words: `V.` → `V`, `.`), and other nodes
 * (URLs, symbols) that break any pattern.
 */
function tokenize(paragraph: Paragraph): Tokens {
  const tokens = shared
  tokens.length = 0
  tokens.colons = 0
  let lineStart = true
  let spaced = false

  for (const sentence of paragraph.children) {
    if (sentence.type !== 'SentenceNode') {
      if (sentence.type === 'WhiteSpaceNode' && hasLineBreak(sentence.value)) lineStart = true
      spaced = true
      continue
    }

    for (const child of sentence.children) {
      // Trees from retext-english always have positions with offsets.
      const {position} = child
      if (position === undefined || child.type === 'WhiteSpaceNode') {
        if (child.type === 'WhiteSpaceNode' && hasLineBreak(child.value)) lineStart = true
        spaced = true
        continue
      }

      if (child.type === 'PunctuationNode') {
        tokens.push('punct', child.value, position, lineStart, spaced, false)
      } else if (child.type === 'WordNode') {
        const text = wordText(child)
        if (text === undefined) {
          for (const part of child.children) {
            if (part.position === undefined) {
              spaced = true
              continue
            }

            const kind = part.type === 'TextNode' ? 'word' : part.type === 'PunctuationNode' ? 'punct' : 'other'
            const value = kind === 'other' ? toString(part) : part.value
            tokens.push(kind, value, part.position, lineStart, spaced, false)
            lineStart = false
            spaced = false
          }

          continue
        }

        const possessive = isPossessive(text)
        tokens.push('word', possessive ? text.slice(0, -2) : text, position, lineStart, spaced, possessive)
      } else {
        tokens.push('other', 'value' in child ? child.value : toString(child), position, lineStart, spaced, false)
      }

      lineStart = false
      spaced = false
    }
  }

  return tokens
}

/**
 * A word that is one token: its text (`Usov’s` whole, `Pavel`); undefined
 * when it is split into its parts (`V.`, `2020`).
 */
function wordText(word: Word): string | undefined {
  const first = word.children[0]
  // Most words are one text node: no need to join and test them (a text
  // node holds no apostrophe or hyphen, and its own position is the word's).
  if (word.children.length === 1 && first?.type === 'TextNode') return first.value
  const text = toString(word)
  return isPlainWord(text) ? text : undefined
}

/** `plainWord`, read character by character when the word is ASCII. */
function isPlainWord(text: string): boolean {
  let needLetter = true
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) needLetter = false
    else if ((code === 45 /* - */ || code === 39 /* ' */ || code === 0x20_19) /* ’ */ && !needLetter) needLetter = true
    else if (code >= 128) return plainWord.test(text)
    else return false
  }

  return !needLetter
}

/** A word with a possessive `'s` (`Usov’s`), not `'s` alone. */
function isPossessive(text: string): boolean {
  const {length} = text
  if (length <= 2 || text.charCodeAt(length - 1) !== 115 /* s */) return false
  const apostrophe = text.charCodeAt(length - 2)
  return apostrophe === 39 || apostrophe === 0x20_19
}

function hasLineBreak(space: string): boolean {
  return space !== ' ' && space.includes('\n')
}

/**
 * The plugin. It needs the whole document: it reads every piece in
 * document order (flat memory, one pass), finding the slots and what the
 * document says of names, and reports in `finish`; as a plain retext plugin
 * it runs both on the whole tree.
 */
const translatedName = definePhasedRule<State, Options>({
  state: createState,
  collect,
  // Everything is found in `collect` and decided in `finish`.
  check() {},
  finish,
  inOrder: true
})

export default translatedName
