/**
 * The findings: whether a name slot's word is reported, with which names
 * and whether the fix is safe, once the whole document is read.
 */
import type {VFile} from 'vfile'
import {report} from '../../src/rule-kit.js'
import {isCommonWord, isDictionaryName} from '../../src/words.js'
import {isNamePart, isRealName} from './names.js'
import {spelledInDocument, type LexiconEntry, type Slot, type State} from './state.js'

const ruleId = 'translated-name'

/** A word of the lexicon (`Sands`) in a name slot. */
export function reportLexiconWord(
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
export function reportContextWord(slot: Slot, file: VFile, state: State): void {
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
