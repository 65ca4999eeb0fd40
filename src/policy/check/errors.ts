/** Input that stops a whole run (as opposed to one subject): a missing file, a bad argument value. */
export class InputError extends Error {
  override readonly name = 'InputError';
}
