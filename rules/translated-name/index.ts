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
import type {Root} from 'nlcst'
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
const possessiveEnd = /['’]s$/u

interface Token {
  kind: 'word' | 'punct' | 'other'
  text: string
  start: number
  end: number
  /** First token of its line. */
  lineStart: boolean
  /** A word written with a possessive `'s`, which `text` leaves out. */
  possessive: boolean
}

interface Speaker {
  start: number
  surname: string
}

interface State {
  entries: Map<string, Array<Required<LexiconEntry>>>
  window: number
  /** Capitalised words of the document. */
  present: Set<string>
  /** Words the document shows to be real surnames (`Mr Frost`, `Tom Green`). */
  realNames: Set<string>
  /** Capitalised words used mid-sentence outside any name slot (`Meta's shares`, `of Meta`). */
  nameUses: Set<string>
  /** Words of the full names the document uses. */
  nameParts: Set<string>
  /** Speakers in document order. */
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

  return {
    entries,
    window: options?.window ?? 3000,
    present: new Set(),
    realNames: new Set(),
    nameUses: new Set(),
    nameParts: new Set(),
    speakers: [],
    slavic: false
  }
}

/** First pass, over every piece: who the document names, and how. */
function collect(tree: Root, _file: VFile, state: State): void {
  for (const tokens of paragraphs(tree)) {
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!
      if (token.kind !== 'word') continue
      if (nameLike.test(token.text)) state.present.add(token.text)
      if (contextWords.has(token.text)) state.slavic = true
      if (isRealNameUse(tokens, index, state)) state.realNames.add(token.text)
      if (isNameUse(tokens, index)) state.nameUses.add(token.text)
    }

    for (const run of nameRuns(tokens)) {
      const surname = tokens[run.end]!.text
      // The other words of the name: those after any title or nationality
      // (`Russian Prime Minister Dmitry Medvedev` → `Dmitry`, `President Xi
      // Jinping` → `Xi`).
      let first = run.end
      while (first > run.from && isGivenName(tokens[first - 1]!.text)) first--
      if (first < run.end) {
        for (let index = first; index < run.end; index++) {
          state.nameParts.add(tokens[index]!.text)
        }

        state.nameParts.add(surname)
      }

      if (isSpeaker(tokens, run)) {
        state.speakers.push({start: tokens[run.start]!.start, surname})
      }
    }
  }
}

/** Second pass: report the name slots that hold a common word. */
function check(tree: Root, file: VFile, state: State): void {
  for (const tokens of paragraphs(tree)) {
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!
      if (token.kind !== 'word' || token.possessive || !capitalised.test(token.text)) continue
      const lower = token.text.toLowerCase()
      if (roles.has(lower) || honorifics.has(token.text)) continue
      const entries = state.entries.get(token.text)
      if (entries) checkLexiconWord(tokens, index, entries, file, state)
      else checkContextWord(tokens, index, file, state)
    }
  }
}

/** A word of the lexicon (`Sands`) in a name slot. */
function checkLexiconWord(
  tokens: Token[],
  index: number,
  entries: Array<Required<LexiconEntry>>,
  file: VFile,
  state: State
): void {
  const word = tokens[index]!
  const previous = tokens[index - 1]
  const givenEntry = entries.find(
    (entry) => previous?.kind === 'word' && adjacent(previous, word) && entry.given.includes(previous.text)
  )
  const slot = givenEntry ? {start: word.start, kind: 'given'} : lexiconSlot(tokens, index)
  if (!slot) return
  // `Lord Frost`, `David Frost`: a real person of that name.
  if (!givenEntry && state.realNames.has(word.text)) return

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
  const speaker = slot.kind === 'verb' ? recentSpeakers(state, slot.start, word.text)[0] : undefined

  let fix = Boolean(givenEntry || named)
  const expected = [spelled]
  if (!fix && speaker && speaker !== spelled) {
    // The lexicon and the context disagree: let a person choose.
    expected.push(speaker)
  } else if (
    !fix &&
    (entry.evidence === 'user' ||
      (entry.evidence !== 'plausible' && state.slavic && !isDictionaryName(word.text)))
  ) {
    fix = true
  }

  for (const other of entries) {
    if (!expected.includes(other.surname)) expected.push(other.surname)
  }

  const actual = String(file).slice(slot.start, word.end)
  report(file, {
    ruleId,
    reason: `\`${actual}\` stands where a name belongs and is how machine translation renders the surname ${entry.surname}${entry.cyrillic ? ` (${entry.cyrillic})` : ''}`,
    start: slot.start,
    end: word.end,
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
function checkContextWord(tokens: Token[], index: number, file: VFile, state: State): void {
  const word = tokens[index]!
  if (!isCommonWord(word.text) || isDictionaryName(word.text)) return
  // A part of a name the document uses (`Xi` of `Xi Jinping`), a real
  // surname (`Tom Green`), or a word the document uses as a name elsewhere
  // (`Meta's shares`).
  if (state.nameParts.has(word.text) || state.realNames.has(word.text)) return
  if (state.nameUses.has(word.text)) return
  const slot = verbSlot(tokens, index, false)
  if (!slot) return

  const actual = String(file).slice(slot.start, word.end)
  const speakers = recentSpeakers(state, slot.start, word.text)
  if (!slot.article && (!state.slavic || speakers.length === 0)) return

  if (speakers.length > 0) {
    report(file, {
      ruleId,
      reason: `\`${actual}\` stands where a speaker's name belongs; the speaker named before it is ${speakers[0]}`,
      start: slot.start,
      end: word.end,
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
      end: word.end,
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
  tokens: Token[],
  index: number,
  lexicon: boolean
): {start: number; article: boolean} | undefined {
  const word = tokens[index]!
  const before = tokens[index - 1]
  // Only `a`/`an`: `, writes the Guardian.` is English.
  const article =
    before?.kind === 'word' && adjacent(before, word) && /^an?$/i.test(before.text) ? before : undefined
  const head = article ? index - 1 : index
  const start = article ? article.start : word.start
  const result = {start, article: article !== undefined}

  // `…, concludes [a] Mustache.`
  const verb = tokens[head - 1]
  if (verb && isAttributionVerb(verb) && endsAt(tokens, index)) {
    const opener = tokens[head - 2]
    if (opener?.kind === 'punct' && opensAttribution.has(opener.text)) return result
  }

  // `…, [a] Mustache said.`
  const after = tokens[index + 1]
  if (after && isAttributionVerb(after)) {
    const opener = tokens[head - 1]
    const atLineStart = tokens[head]!.lineStart || opener === undefined
    const opened =
      (opener?.kind === 'punct' && opener.text !== ':' && opensAttribution.has(opener.text)) ||
      // A sentence start: `A Mustache said.`, or a lexicon word (`Sands said`).
      ((article !== undefined || lexicon) &&
        (atLineStart || (opener?.kind === 'punct' && /^[.!?]$/.test(opener.text))))
    const next = tokens[index + 2]
    const closed =
      next === undefined ||
      (next.kind === 'punct' && endsSlot.has(next.text)) ||
      (next.kind === 'word' && next.text === 'that')
    if (opened && closed) return result
  }

  return undefined
}

/** Name slots for a lexicon word: the attribution slots, and a few more. */
function lexiconSlot(tokens: Token[], index: number): {start: number; kind: string} | undefined {
  const verb = verbSlot(tokens, index, true)
  if (verb) return {start: verb.start, kind: 'verb'}
  const word = tokens[index]!
  const previous = tokens[index - 1]
  const next = tokens[index + 1]

  // `V. Nightingale`, `Dm.Sands`
  if (
    previous?.kind === 'punct' &&
    previous.text === '.' &&
    tokens[index - 2]?.kind === 'word' &&
    initial.test(tokens[index - 2]!.text) &&
    tokens[index - 2]!.end === previous.start
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
    roles.has(previous.text.toLowerCase()) &&
    (endsAt(tokens, index) || (next !== undefined && isAttributionVerb(next)))
  ) {
    return {start: word.start, kind: 'role'}
  }

  return undefined
}

/** Surnames of the speakers named before `start`, most recent first. */
function recentSpeakers(state: State, start: number, exclude: string): string[] {
  const found: string[] = []
  const {speakers} = state
  // Binary search for the last speaker before `start`.
  let low = 0
  let high = speakers.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (speakers[middle]!.start < start) low = middle + 1
    else high = middle
  }

  for (let index = low - 1; index >= 0 && found.length < 3; index--) {
    const speaker = speakers[index]!
    if (speaker.start < start - state.window) break
    if (speaker.surname !== exclude && !found.includes(speaker.surname)) found.push(speaker.surname)
  }

  return found
}

/** How the document spells the lexicon entry's surname, if it names it. */
function spelledInDocument(entry: Required<LexiconEntry>, state: State): string | undefined {
  for (const spelling of [entry.surname, ...entry.variants]) {
    if (state.present.has(spelling)) return spelling
  }

  return undefined
}

/**
 * A use that shows `tokens[index]` to be a real surname: after an honorific
 * (`Mr Frost`) or after a given name (`David Frost`) that is not a lexicon
 * entry's (`Dmitry Sands` is the translated Peskov).
 */
function isRealNameUse(tokens: Token[], index: number, state: State): boolean {
  const word = tokens[index]!
  if (!capitalised.test(word.text)) return false
  const previous = tokens[index - 1]
  // `Mr. Frost`
  if (previous?.kind === 'punct' && previous.text === '.') {
    const title = tokens[index - 2]
    return title?.kind === 'word' && honorifics.has(title.text) && title.end === previous.start
  }

  if (previous?.kind !== 'word' || !adjacent(previous, word) || !capitalised.test(previous.text)) {
    return false
  }

  if (honorifics.has(previous.text)) return true
  if (previous.text.length < 3 || roles.has(previous.text.toLowerCase())) return false
  const entries = state.entries.get(word.text)
  if (entries?.some((entry) => entry.given.includes(previous.text))) return false
  return isDictionaryName(previous.text) || !isCommonWord(previous.text)
}

/**
 * A capitalised word mid-sentence outside any name slot (`of Meta`, `Meta's
 * shares`): the document uses it as a name.
 */
function isNameUse(tokens: Token[], index: number): boolean {
  const word = tokens[index]!
  if (!capitalised.test(word.text) || word.lineStart) return false
  const previous = tokens[index - 1]
  const next = tokens[index + 1]
  if (next && isAttributionVerb(next)) return false
  if (word.possessive) return previous !== undefined && !/^[.!?:"“”«»]$/.test(previous.text)
  return (
    previous?.kind === 'word' &&
    !/^an?$/i.test(previous.text) &&
    !isAttributionVerb(previous)
  )
}

interface Run {
  /** The name, without leading common words and titles. */
  start: number
  end: number
  /** Where the run of capitalised words starts (`President Xi Jinping`). */
  from: number
}

/**
 * Names of one or more capitalised words (`Pavel Usov`, `Lukashenka`),
 * without leading common words (`The`, `However`) or titles; the last word
 * must not be a common word.
 */
function* nameRuns(tokens: Token[]): Generator<Run> {
  let index = 0
  while (index < tokens.length) {
    const token = tokens[index]!
    if (token.kind !== 'word' || !nameLike.test(token.text)) {
      index++
      continue
    }

    let end = index
    while (
      !tokens[end]!.possessive &&
      tokens[end + 1]?.kind === 'word' &&
      nameLike.test(tokens[end + 1]!.text) &&
      adjacent(tokens[end]!, tokens[end + 1]!) &&
      // `Alexey Jerman Belarusian political analyst:` — the name ends
      // before the nationality.
      !isDemonym(tokens[end + 1]!.text)
    ) {
      end++
    }

    let start = index
    while (start <= end && (isCommonWord(tokens[start]!.text) || roles.has(tokens[start]!.text.toLowerCase()))) {
      start++
    }

    const last = tokens[end]!
    if (
      start <= end &&
      !isDemonym(last.text) &&
      !isCommonWord(last.text) &&
      !roles.has(last.text.toLowerCase()) &&
      // A lone dictionary name (`Moscow`, `Kremlin`) is a place or an
      // institution more often than a speaker.
      (end > start || !isDictionaryName(last.text))
    ) {
      yield {start, end, from: index}
    }

    index = end + 1
  }
}

/**
 * Whether a name is given as a speaker: `analyst Pavel Usov`, `Pavel Usov,
 * Belarusian political analyst:`, `Usov said`, `Usov, in turn, said`,
 * `, concludes Usov.`, `according to Usov`.
 */
function isSpeaker(tokens: Token[], run: Run): boolean {
  const before = tokens[run.start - 1]
  const after = tokens[run.end + 1]

  if (before?.kind === 'word' && roles.has(before.text.toLowerCase())) return true
  if (before?.kind === 'word' && isAttributionVerb(before) && endsAt(tokens, run.end)) return true
  if (
    before?.kind === 'word' &&
    before.text === 'to' &&
    tokens[run.start - 2]?.text.toLowerCase() === 'according'
  ) {
    return true
  }

  // `Usov said` — but not `Lukashenko, concludes a Mustache`, where the verb
  // belongs to the name after it.
  if (after && isAttributionVerb(after) && !invertedAfter(tokens, run.end + 1)) return true
  if (after?.kind === 'punct' && after.text === ',') {
    // `Usov, in turn, said`
    for (let index = run.end + 2; index < tokens.length && index <= run.end + 7; index++) {
      const token = tokens[index]!
      if (token.kind === 'punct') {
        if (token.text !== ',') break
        const verb = tokens[index + 1]
        if (verb && isAttributionVerb(verb) && !invertedAfter(tokens, index + 1)) return true
        break
      }
    }
  }

  // `Pavel Usov, Belarusian political analyst:`
  let role = false
  for (let index = run.end + 1; index < tokens.length && index <= run.end + 8; index++) {
    const token = tokens[index]!
    if (token.kind === 'word') {
      if (isAttributionVerb(token)) break
      if (roles.has(token.text.toLowerCase())) role = true
    } else if (token.text === ':') {
      return role
    } else if (token.text !== ',') {
      break
    }
  }

  return false
}

/** The attribution verb at `index` is inverted: its subject follows (`concludes a Mustache.`). */
function invertedAfter(tokens: Token[], index: number): boolean {
  let next = index + 1
  if (tokens[next]?.kind === 'word' && articles.has(tokens[next]!.text.toLowerCase())) next++
  const word = tokens[next]
  return word?.kind === 'word' && capitalised.test(word.text) && endsAt(tokens, next)
}

/**
 * A nationality or place adjective (`Belarusian`, `Russian`, `Ukrainian`,
 * `Chinese`): the word minus its suffix is a place the dictionary knows.
 */
function isDemonym(word: string): boolean {
  const match = /^(\p{Lu}\p{Ll}+?)(ian|ean|an|n|ese|ish|i)$/u.exec(word)
  if (!match) return false
  const stem = match[1]!
  return [stem, stem + 'a', stem + 'e', stem + 'ia', stem + 'y'].some(
    (place) => place.length > 2 && isDictionaryName(place)
  )
}

function isGivenName(word: string): boolean {
  return !isDemonym(word) && !roles.has(word.toLowerCase())
}

function isAttributionVerb(token: Token): boolean {
  return token.kind === 'word' && attribution.has(token.text)
}

/** The slot ends after `tokens[index]`: punctuation or the end of the paragraph. */
function endsAt(tokens: Token[], index: number): boolean {
  const next = tokens[index + 1]
  return next === undefined || (next.kind === 'punct' && endsSlot.has(next.text))
}

/** Two words separated by white space only (not a line break). */
function adjacent(left: Token, right: Token): boolean {
  return !right.lineStart && right.start > left.end
}

/**
 * The piece's paragraphs as flat token lists: words (a possessive `'s`
 * marked, not kept), punctuation (also split off words: `V.` → `V`, `.`),
 * and other nodes (URLs, symbols) that break any pattern.
 */
function paragraphs(tree: Root): Token[][] {
  const result: Token[][] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    const tokens: Token[] = []
    let lineStart = true

    const push = (kind: Token['kind'], text: string, start: number, end: number, possessive = false) => {
      tokens.push({kind, text, start, end, lineStart, possessive})
      lineStart = false
    }

    for (const sentence of paragraph.children) {
      if (sentence.type === 'WhiteSpaceNode') {
        if (sentence.value.includes('\n')) lineStart = true
        continue
      }

      if (sentence.type !== 'SentenceNode') continue
      for (const child of sentence.children) {
        const start = child.position?.start.offset
        const end = child.position?.end.offset
        if (start === undefined || end === undefined) continue
        if (child.type === 'WhiteSpaceNode') {
          if (child.value.includes('\n')) lineStart = true
        } else if (child.type === 'PunctuationNode') {
          push('punct', child.value, start, end)
        } else if (child.type === 'WordNode') {
          const text = toString(child)
          if (plainWord.test(text)) {
            const possessive = possessiveEnd.test(text) && text.length > 2
            push('word', possessive ? text.slice(0, -2) : text, start, possessive ? end - 2 : end, possessive)
            continue
          }

          for (const part of child.children) {
            const partStart = part.position?.start.offset
            const partEnd = part.position?.end.offset
            if (partStart === undefined || partEnd === undefined) continue
            if (part.type === 'TextNode') push('word', part.value, partStart, partEnd)
            else if (part.type === 'PunctuationNode') push('punct', part.value, partStart, partEnd)
            else push('other', toString(part), partStart, partEnd)
          }
        } else {
          push('other', toString(child), start, end)
        }
      }
    }

    result.push(tokens)
  }

  return result
}

/**
 * The plugin. It needs the whole document, so it runs in two phases: the
 * engine collects over every piece of a long document before checking any
 * (flat memory); as a plain retext plugin it runs both on the whole tree.
 */
const translatedName = definePhasedRule<State, Options>({state: createState, collect, check})

export default translatedName
