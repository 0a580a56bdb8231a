/**
 * mtlint: retext rules for the typical errors of machine-translated English.
 *
 * - `default`: the preset, a retext plugin running every rule;
 * - `check`, `checkFile`: lint text and get findings, fixed text and a diff
 *   (plain text, or Markdown, PO, XLIFF and JSON files: `type`, by extension
 *   in `checkFile`; a file that cannot be parsed throws a `FormatError`);
 * - `applyFixes`: the fix engine, for messages from any unified pipeline;
 * - `rules`: each rule on its own (`rules[i].plugin`).
 */
export {default} from './preset.js'
export type {MtlintOptions, RuleSetting} from './preset.js'
export {check, checkFile, mergeOptions} from './api.js'
export type {CheckOptions, CheckFileOptions, CheckResult} from './api.js'
export {fileTypes, FormatError, typeFromPath} from './formats/index.js'
export type {FileType} from './formats/index.js'
export {applyFixes, editsFrom, makePatch} from './fix.js'
export type {Edit, FixResult, SkippedEdit} from './fix.js'
export {default as retextEnglishLinear, parseDocument} from './parse.js'
export {findConfig, loadConfigFile, ConfigError} from './config.js'
export {readTextFile, decodeText, InputError} from './input.js'
export {rules} from '../rules/index.js'
export type {RuleDefinition} from '../rules/index.js'
export type {MtlintMessage} from './rule-kit.js'
