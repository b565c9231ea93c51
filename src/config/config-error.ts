/** A bad setting, reported as a line that names it: in Vietnamese for the operator, the English kept as the error's message. */
export class ConfigError extends Error {
  constructor(
    readonly vi: string,
    en: string,
  ) {
    super(en);
  }
}
