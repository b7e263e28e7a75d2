/**
 * What every launcher's `call` does with the background's reply: the value, or an error
 * that names the request and the background's code and message, so a failing test or
 * bench step says which request was refused and why.
 *
 * @template T
 * @param {{ type: string }} request
 * @param {{ ok: true; value: T } | { ok: false; error?: { code: string; message: string } } | undefined} reply
 * @returns {T}
 */
export function replyValue(request, reply) {
  if (!reply?.ok) {
    const why = reply?.error ? `${reply.error.code}: ${reply.error.message}` : 'no answer';
    throw new Error(`${request.type} failed: ${why}`);
  }
  return reply.value;
}
