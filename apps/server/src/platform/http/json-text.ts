/**
 * Sends JSON that is already serialised and encoded (a cached public page), bypassing the
 * response serializer: Fastify sends a Buffer as it is. The bytes must have been built from a
 * value that satisfies the route's response contract.
 */
export function sendJsonBytes<R>(reply: { type(contentType: string): { send(payload: never): R } }, bytes: Buffer): R {
  return reply.type('application/json; charset=utf-8').send(bytes as never);
}
