import { errorMessage, WorkbenchError } from '../../shared/api/errors';

/** The text of a file the user gave us, as JSON, or a ValidationError naming the file. */
export function parseJsonFile(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new WorkbenchError('ValidationError', 'not_json', `${fileName} is not JSON (${errorMessage(err)}).`);
  }
}

/** The first problem a schema found, as "path: message", for messages about a user's file. */
export function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return `${issue?.path.map(String).join('.') || 'value'}: ${issue?.message ?? 'invalid'}`;
}
