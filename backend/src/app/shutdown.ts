/** Longest a SIGTERM drain may take: inside the 10 s a container runtime waits before it kills. */
const SHUTDOWN_TIMEOUT_MS = 8_000;

/**
 * Nest's shutdown hooks drain the process on SIGTERM or SIGINT (HTTP, sockets, jobs, relay, pools); a
 * request or job that hangs must not keep it alive forever, so past the limit the process exits anyway.
 */
export function boundShutdown(role: string): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      console.log(JSON.stringify({ level: 'log', message: `${role} draining after ${signal}` }));
      setTimeout(() => {
        console.error(
          JSON.stringify({
            level: 'error',
            message: `${role} still draining after ${SHUTDOWN_TIMEOUT_MS} ms; exiting`,
          }),
        );
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS).unref();
    });
  }
}
