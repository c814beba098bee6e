import type { ChildProcess } from 'node:child_process';
import type { PlatformProcess } from './processes.js';

/**
 * The OS process behind a PlatformProcess. Fault specs need what `stop()` deliberately hides: a `kill -9`
 * and whether the process died on its own.
 */
export function childOf(platformProcess: PlatformProcess): ChildProcess {
  return (platformProcess as unknown as { child: ChildProcess }).child;
}

/** Sends SIGKILL and resolves once the process is gone. */
export async function kill9(platformProcess: PlatformProcess): Promise<void> {
  const child = childOf(platformProcess);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** Whether the process has exited (crashed, if nobody stopped it). */
export function hasExited(platformProcess: PlatformProcess): boolean {
  const child = childOf(platformProcess);
  return child.exitCode !== null || child.signalCode !== null;
}
