import { z } from 'zod';
import { SamplingSchema } from './generation';

/**
 * Variables every template may use; their values come from the workbench (problem, editor, judge).
 * `language` is the editor's ("Python 3", "C++17"), `fence` its code-block tag (python, cpp).
 */
export const builtInVariables = ['problem', 'language', 'fence', 'tests', 'feedback', 'code'] as const;

export const TemplateVariableSchema = z
  .object({
    name: z.string().regex(/^[a-zA-Z_][\w]{0,39}$/, 'a variable name is letters, digits and _'),
    default: z.string().max(20_000).default(''),
    description: z.string().max(500).default(''),
  })
  .strict();

/** A template's sampling: the same fields and bounds as a request's. */
export const TemplateSamplingSchema = SamplingSchema;

/** A prompt template, stored as one JSON file; `version` is the file format's, for migrations. */
export const TemplateSchema = z
  .object({
    version: z.literal(1),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an id is lowercase letters, digits and dashes'),
    name: z.string().min(1).max(120),
    description: z.string().max(2000).default(''),
    tags: z.array(z.string().min(1).max(40)).max(20).default([]),
    /** Null when the model's official usage has no system prompt. */
    system: z.string().max(50_000).nullable().default(null),
    body: z.string().min(1).max(100_000),
    variables: z.array(TemplateVariableSchema).max(40).default([]),
    sampling: TemplateSamplingSchema,
    /** Which part of the answer goes to the editor when it finishes. */
    sendToEditor: z.enum(['lastPython', 'lastCpp', 'lastCode', 'none']).default('lastPython'),
    /** Where that code goes: the solution, or (drafting for a stress test) the brute force or the generator. */
    target: z.enum(['solution', 'brute', 'generator']).default('solution'),
  })
  .strict();
export type Template = z.output<typeof TemplateSchema>;

export interface TemplateEntry {
  template: Template | null;
  builtIn: boolean;
  /** Why the stored file could not be read, or null. */
  broken: string | null;
  id: string;
}
