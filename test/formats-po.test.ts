/**
 * gettext PO catalogues: findings at their place in the file, fixes written
 * back escaped, everything else kept byte for byte, and the fixed file read
 * by gettext-parser exactly as the original but for the fixed strings.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import gettextParser from 'gettext-parser'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {check, checkFile} from '../src/index.js'
import {FormatError} from '../src/formats/index.js'

const catalogue = `# English translation of the Files app.
# Copyright (C) 2024 Files contributors
msgid ""
msgstr ""
"Project-Id-Version: files 3.2\\n"
"Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

#. Shown when the user deletes a folder.
#: src/actions.c:120
#, c-format
msgid "Удалить папку «%s» и всё её содержимое?"
msgstr "Delete the the folder “%s” and all its contents?"

#: src/actions.c:141
msgctxt "toolbar"
msgid "Открыть"
msgstr "Open"

#: src/dialogs.c:88
#, c-format
msgid "%d файл удалён"
msgid_plural "%d файлов удалено"
msgstr[0] "%d file was was deleted"
msgstr[1] "%d files were deleted"

#: src/dialogs.c:97
msgid ""
"Файл \\"%1$s\\" уже существует.\\n"
"Заменить его?"
msgstr ""
"The file \\"%1$s\\" already exists. It is a \\"old\\" "
"copy.\\nReplace it?"

#: src/dialogs.c:130
msgid "Привет, {name}! У вас {count} новых сообщений."
msgstr "Hello, {name}! You have {count} new messages."

#: src/dialogs.c:131
msgid "Нажмите %s, чтобы продолжить"
msgstr "Press a %s to to continue"

#, fuzzy
#: src/about.c:12
msgid "О программе"
msgstr "It is a overview of the program"

#: src/about.c:20
msgid "Справка"
msgstr ""

#~ msgid "Старое сообщение"
#~ msgstr "A old old message"
`

/** Two well-known rules alone, so that other rules cannot change these findings. */
const onlyEnglish = {
  rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.id === 'repeated-words' || rule.id === 'indefinite-article']))
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length
}

describe('PO', () => {
  it('lints each msgstr (plural forms too), not the header, msgids, empty or obsolete entries', async () => {
    const result = await check(catalogue, {type: 'po', path: 'en.po', ...onlyEnglish})
    const found = result.messages.map((m) => [m.ruleId, m.actual, m.line])
    expect(found).toEqual([
      ['repeated-words', 'the the', lineOf(catalogue, 'Delete the the')],
      ['repeated-words', 'was was', lineOf(catalogue, '%d file was was')],
      ['indefinite-article', 'a', lineOf(catalogue, 'It is a \\"old')],
      ['repeated-words', 'to to', lineOf(catalogue, 'to to continue')],
      ['indefinite-article', 'a', lineOf(catalogue, 'It is a overview')]
    ])
    const first = result.messages[0]!
    expect(first.column).toBe('msgstr "Delete '.length + 1)
    expect(first.place).toMatchObject({start: {offset: catalogue.indexOf('the the')}})
  })

  it('never flags or changes placeholders', async () => {
    // `a %s` is not `a` before a word; `{name}` and `%1$s` are not words.
    const result = await check(catalogue, {type: 'po', ...onlyEnglish})
    expect(result.messages.some((m) => /%|\{/.test(m.actual ?? ''))).toBe(false)
    expect(result.fixed).toContain('msgstr "Press a %s to continue"')
    expect(result.fixed).toContain('"The file \\"%1$s\\" already exists.')
  })

  it('fixes keep escapes and every other byte; the patch shows only changed strings', async () => {
    const result = await check(catalogue, {type: 'po', path: 'en.po', ...onlyEnglish})
    const expected = catalogue
      .replace('Delete the the folder', 'Delete the folder')
      .replace('%d file was was deleted', '%d file was deleted')
      .replace('It is a \\"old\\"', 'It is an \\"old\\"')
      .replace('to to continue', 'to continue')
      .replace('It is a overview', 'It is an overview')
    expect(result.fixed).toBe(expected)
    const changed = result.patch.split('\n').filter((line) => /^[-+][^-+]/.test(line))
    expect(changed.every((line) => line.includes('msgstr') || line.startsWith('+"') || line.startsWith('-"'))).toBe(true)
    expect(changed).toHaveLength(10)
    expect((await check(result.fixed, {type: 'po', ...onlyEnglish})).messages).toEqual([])
  })

  it('round trip: gettext-parser reads the fixed file as the original but for the fixed strings', async () => {
    const result = await check(catalogue, {type: 'po', ...onlyEnglish})
    const before = gettextParser.po.parse(catalogue)
    const after = gettextParser.po.parse(result.fixed)
    expect(after.headers).toEqual(before.headers)
    expect(after.obsolete).toEqual(before.obsolete)
    const fixedStrings = new Map([
      ['Delete the the folder “%s” and all its contents?', 'Delete the folder “%s” and all its contents?'],
      ['%d file was was deleted', '%d file was deleted'],
      ['The file "%1$s" already exists. It is a "old" copy.\nReplace it?', 'The file "%1$s" already exists. It is an "old" copy.\nReplace it?'],
      ['Press a %s to to continue', 'Press a %s to continue'],
      ['It is a overview of the program', 'It is an overview of the program']
    ])
    let changed = 0
    for (const [context, entries] of Object.entries(before.translations)) {
      for (const [msgid, entry] of Object.entries(entries)) {
        const now = after.translations[context]![msgid]!
        expect(now.msgid_plural).toBe(entry.msgid_plural)
        expect(now.comments).toEqual(entry.comments)
        now.msgstr.forEach((value, index) => {
          const old = entry.msgstr[index]!
          if (value !== old) changed++
          expect(value).toBe(fixedStrings.get(old) ?? old)
        })
      }
    }

    expect(changed).toBe(fixedStrings.size)
  })

  it('a fix across the join of a continued string merges the two pieces', async () => {
    const po = 'msgid "x"\nmsgstr ""\n"It was the "\n"the best."\n'
    const result = await check(po, {type: 'po', ...onlyEnglish})
    expect(result.fixed).toBe('msgid "x"\nmsgstr ""\n"It was the best."\n')
    expect(gettextParser.po.parse(result.fixed).translations['']!['x']!.msgstr).toEqual(['It was the best.'])
  })

  it('keeps CRLF line ends and a BOM', async () => {
    const po = '\uFEFFmsgid "x"\r\nmsgstr "It is a opening."\r\n\r\nmsgid "y"\r\nmsgstr "Fine."\r\n'
    const result = await check(po, {type: 'po', ...onlyEnglish})
    expect(result.fixed).toBe(po.replace('a opening', 'an opening'))
  })

  it('an unparsable file is a FormatError naming the line', async () => {
    const broken = 'msgid "x"\nmsgstr "fine"\n\nmsgid "y"\nmsgstr "no end\n'
    await expect(check(broken, {type: 'po'})).rejects.toThrow(FormatError)
    await expect(check(broken, {type: 'po'})).rejects.toMatchObject({line: 5})
    await expect(check('msgid "x"\nmsgstr "a" "b" oops "c"\n', {type: 'po'})).rejects.toMatchObject({line: 2})
  })

  it('checkFile reads a .po file as PO by its extension; `type` overrides it', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mtlint-po-'))
    const file = path.join(folder, 'en.po')
    fs.writeFileSync(file, 'msgid "It was the the best"\nmsgstr "It is a opening"\n')
    const result = await checkFile(file, {config: false, ...onlyEnglish})
    expect(result.messages.map((m) => m.ruleId)).toEqual(['indefinite-article'])
    expect(result.fixed).toBe('msgid "It was the the best"\nmsgstr "It is an opening"\n')
    // As plain text, the msgid is prose too.
    const asText = await checkFile(file, {config: false, type: 'text', ...onlyEnglish})
    expect(asText.messages.map((m) => m.ruleId)).toEqual(['repeated-words', 'indefinite-article'])
    fs.writeFileSync(file, 'msgid "x"\nmsgstr "broken\n')
    await expect(checkFile(file, {config: false})).rejects.toThrow(FormatError)
  })
})
