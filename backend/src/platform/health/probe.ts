/** Resolves with `work`, or rejects once `timeoutMs` passed: a dependency that hangs must not hang its caller. */
export async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), timeoutMs))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs a dependency check with a time limit: 'ok', or what went wrong. */
export async function probe(check: () => Promise<unknown>, timeoutMs = 2_000): Promise<'ok' | string> {
  try {
    await withTimeout(check(), timeoutMs);
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
}
