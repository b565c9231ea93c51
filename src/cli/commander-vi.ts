// Types only: commander comes with nest-commander, not as a dependency of ours.
import type { Command, Help, Option } from 'commander';

/**
 * commander writes its own help titles and usage errors in English, with no setting for another
 * language (v11): its help is reworded around its own layout, and each error it can raise by its
 * fixed English pattern. A wording commander changes falls back to its English.
 */
const HELP_LINE = 'hiển thị trợ giúp của lệnh';

const TITLES: Readonly<Record<string, string>> = { 'Arguments:': 'Tham số:', 'Options:': 'Tùy chọn:', 'Global Options:': 'Tùy chọn chung:', 'Commands:': 'Lệnh:' };

/** commander's own Help methods: configureHelp copies ours onto a Help instance, over its prototype's. */
const original = (helper: Help): Help => Object.getPrototypeOf(helper) as Help;

export const vietnameseHelp: Partial<Help> = {
  formatHelp(this: Help, cmd: Command, helper: Help): string {
    return original(this)
      .formatHelp.call(this, cmd, helper)
      .split('\n')
      .map((line) => TITLES[line] ?? line.replace(/^Usage: /, 'Cách dùng: '))
      .join('\n');
  },
  optionDescription(this: Help, option: Option): string {
    if (option.long === '--help') return HELP_LINE;
    return original(this)
      .optionDescription.call(this, option).replace(/\((default|choices): /, (_, word: string) => `(${word === 'default' ? 'mặc định' : 'chọn một trong'}: `);
  },
  subcommandDescription(this: Help, cmd: Command): string {
    return cmd.name() === 'help' ? HELP_LINE : original(this).subcommandDescription.call(this, cmd);
  },
};

const ERRORS: [RegExp, (...parts: string[]) => string][] = [
  [/^error: missing required argument '(.*)'$/, (name) => `thiếu tham số bắt buộc '${name}'`],
  [/^error: option '(.*)' argument missing$/, (flags) => `tùy chọn '${flags}' thiếu giá trị`],
  [/^error: required option '(.*)' not specified$/, (flags) => `chưa có tùy chọn bắt buộc '${flags}'`],
  [/^error: unknown option '([^']*)'(.*)$/s, (flag, rest) => `không có tùy chọn '${flag}'${suggestion(rest)}`],
  [/^error: unknown command '([^']*)'(.*)$/s, (name, rest) => `không có lệnh '${name}'${suggestion(rest)}`],
  [/^error: too many arguments.*$/s, () => 'thừa tham số'],
  [/^error: option '(.*)' argument '(.*)' is invalid\. (.*)$/s, (flags, value, why) => `giá trị '${value}' của tùy chọn '${flags}' không hợp lệ: ${why}`],
];

function suggestion(rest: string): string {
  return rest.replace(/\(Did you mean (.*)\?\)/, '(có phải là $1?)');
}

/** A usage error of commander's, in Vietnamese; one it does not know stays as commander wrote it. */
export function vietnameseUsageError(message: string): string {
  const text = message.trimEnd();
  for (const [pattern, say] of ERRORS) {
    const match = pattern.exec(text);
    if (match) return `lỗi: ${say(...match.slice(1))}`;
  }
  return text;
}
