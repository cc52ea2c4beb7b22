import { z } from 'zod';
import { methodSchemas, type WorkbenchHandlers } from '../../shared/api/contract';
import { fail, ok, type Envelope } from '../../shared/api/envelope';
import { toErrorData } from '../../shared/api/errors';
import { isMethodName } from '../../shared/api/names';

/**
 * The one entry point both transports use: look the method up, validate the
 * untrusted input against its schema, run it, and always answer with an
 * envelope. Nothing thrown here escapes as an exception.
 */
export async function dispatch(handlers: WorkbenchHandlers, method: unknown, input: unknown): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    const shown = typeof method === 'string' ? method.slice(0, 80) : typeof method;
    return fail({ name: 'ValidationError', code: 'unknown_method', message: `Unknown API method: ${shown}` });
  }
  const parsed = methodSchemas[method].input.safeParse(input);
  if (!parsed.success) {
    return fail({
      name: 'ValidationError',
      code: 'invalid_input',
      message: `Invalid arguments for ${method}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`,
    });
  }
  try {
    const handler = handlers[method] as (value: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (err) {
    return fail(toErrorData(err));
  }
}
