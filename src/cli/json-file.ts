/** A JSON object: what every file a command checks (a checkpoint, a bundle, a list) is at its top. */
export const isJsonObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A file given on the command line read as a JSON object, or why it is not one, in Vietnamese:
 * the first thing each command says of a wrong file, before it names what kind of file it wanted.
 */
export function jsonObjectIn(text: string): { object: Record<string, unknown> } | { notObject: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { notObject: 'tệp không phải JSON' };
  }
  return isJsonObject(parsed) ? { object: parsed } : { notObject: 'tệp không chứa một đối tượng JSON' };
}
