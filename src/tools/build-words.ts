/**
 * Part of `npm run build`: writes `dist/english-words.json`, the word list
 * `src/words.ts` reads (the lower-case forms of `dictionary-en` expanded by
 * nspell, its stems' case and its compound rules). Reading it at run time
 * costs a tenth of the time and memory of expanding the dictionary.
 *
 *   node dist/src/tools/build-words.js
 */
import fs from 'node:fs'
import {fileURLToPath} from 'node:url'
import dictionary from 'dictionary-en'
import nspell from 'nspell'
import type {WordList} from '../words.js'

/** Expand the Hunspell dictionary with nspell and keep what `src/words.ts` answers from. */
function readDictionary(): WordList {
  const speller = nspell({aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic)})
  // nspell's expanded forms and compound rules (not in its type definitions).
  const {data, compoundRules} = speller as unknown as {data: Record<string, unknown>; compoundRules: RegExp[]}
  const common = new Set<string>()
  for (const form of Object.keys(data)) {
    // `correct` of an exact form checks its flags (ONLYINCOMPOUND…).
    if (form === form.toLowerCase() && speller.correct(form)) common.add(form)
  }

  const capitalised = new Map<string, string>()
  const lowerStems = new Set<string>()
  const lines = Buffer.from(dictionary.dic).toString('utf8').split('\n')
  // The first line is the entry count.
  for (let index = 1; index < lines.length; index++) {
    const entry = lines[index]!.split('/', 1)[0]!.trim()
    if (!entry) continue
    const lower = entry.toLowerCase()
    if (entry === lower) {
      lowerStems.add(lower)
      common.add(lower)
    } else if (entry[0] !== lower[0]) {
      capitalised.set(lower, entry)
    }
  }

  return {
    common: [...common].sort().join('\n'),
    lowerStems: [...lowerStems].sort().join('\n'),
    capitalised: [...capitalised.values()].join('\n'),
    compounds: compoundRules.map((rule) => {
      if (rule.flags !== 'i') throw new Error(`unexpected compound rule flags: ${String(rule)}`)
      return rule.source
    })
  }
}

const target = fileURLToPath(new URL('../../english-words.json', import.meta.url))
const temporary = target + '.tmp'
fs.writeFileSync(temporary, JSON.stringify(readDictionary()))
fs.renameSync(temporary, target)
