/** A bad setting, reported as one line that names it. */
export class ConfigError extends Error {}
