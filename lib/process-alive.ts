/** Whether a process with this pid exists (EPERM: it does, under another user, e.g. the postgres OS user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
