/** Polls `check` until it holds; throws once `withinMs` has passed without it. */
export async function eventually(check: () => Promise<boolean>, withinMs = 10_000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not reached in ${withinMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
