// gettext-parser ships no types; what mtlint uses of it.
declare module 'gettext-parser' {
  export interface PoEntry {
    msgctxt?: string
    msgid: string
    msgid_plural?: string
    msgstr: string[]
    comments?: {flag?: string; translator?: string; extracted?: string; reference?: string; previous?: string}
  }

  export interface PoTable {
    charset: string
    headers?: Record<string, string>
    translations: Record<string, Record<string, PoEntry>>
    obsolete?: Record<string, Record<string, PoEntry>>
  }

  export const po: {
    parse(input: string | Buffer, options?: {defaultCharset?: string; validation?: boolean}): PoTable
    compile(table: PoTable, options?: Record<string, unknown>): Buffer
  }

  const gettextParser: {po: typeof po}
  export default gettextParser
}
