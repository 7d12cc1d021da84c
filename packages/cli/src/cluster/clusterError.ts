/**
 * An error of a cluster run that is not bad input (Redis unreachable, a task that failed on a
 * worker): the CLI prints its message, without a stack trace, and exits 1.
 */
export class ClusterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ClusterError";
  }
}
