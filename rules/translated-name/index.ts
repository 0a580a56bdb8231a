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
import type {Paragraph, Root} from 'nlcst'
import type {VFile} from 'vfile'
import {definePhasedRule} from '../../src/rule-kit.js'
import {isCapitalised, isContext, isHonorific, isNameLike, isRole} from './facts.js'
import {addRun, isNameUse, notesOf, realNameUse} from './names.js'
import {reportContextWord, reportLexiconWord} from './report.js'
import {findSlot, maySlot} from './slots.js'
import {addSpeaker, dropOldSpeakers, recentSpeakers} from './speakers.js'
import {createState, mayBeSpelling, type Options, type State} from './state.js'
import {adjacent, facts, isDemonymToken, isGivenName, mayBeCapital, shared, tokenize, type Tokens} from './tokens.js'

export type {LexiconEntry, Options} from './state.js'

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
