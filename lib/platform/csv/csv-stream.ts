/** A byte stream of the CSV that pulls one batch at a time (backpressure), and stops querying if the client goes away. */
export function csvStream<Summary>(
  chunks: AsyncGenerator<string, Summary, undefined>,
  onComplete: (summary: Summary) => Promise<void>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) {
          await onComplete(next.value);
          controller.close();
        } else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      // Ends the generator (its finally blocks run, no further query); the value is never read.
      await chunks.return(undefined as Summary);
    },
  });
}
