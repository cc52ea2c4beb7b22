import { readdir, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateSchema, type Template } from '../../shared/templates';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { TemplateStore } from './template-store';

const template = (id: string, body = 'Solve: {{problem}}'): Template =>
  TemplateSchema.parse({ version: 1, id, name: `Template ${id}`, body, sampling: { temperature: 0.6, topP: 0.95, topK: 0, maxTokens: 1000 } });

describe('TemplateStore', () => {
  const tempDir = useTempDirs();

  it('lists built-ins first, then saved templates; built-ins are read-only', async () => {
    const store = new TemplateStore(await tempDir());
    await store.save(template('mine'));
    const list = await store.list();
    expect(list.filter((e) => e.builtIn).map((e) => e.id)).toEqual(['cp-python', 'algorithm-first', 'math', 'tutoring', 'cp-cpp', 'brute-force', 'test-generator', 'fix-feedback']);
    expect(list.at(-1)).toMatchObject({ id: 'mine', builtIn: false, broken: null });
    await expect(store.save({ ...template('math'), name: 'Mine now' })).rejects.toMatchObject({ code: 'built_in' });
    await expect(store.delete('math')).rejects.toMatchObject({ code: 'built_in' });
  });

  it('keeps the last 20 saves and restores an old version', async () => {
    const store = new TemplateStore(await tempDir());
    for (let i = 1; i <= 23; i++) await store.save(template('t', `Version ${i}: {{problem}}`));
    const history = await store.history('t');
    expect(history).toHaveLength(20);
    expect(history[0]?.template.body).toBe('Version 23: {{problem}}');
    expect(history.at(-1)?.template.body).toBe('Version 4: {{problem}}');
    const old = history.find((h) => h.template.body.startsWith('Version 10'));
    await store.restore('t', old?.savedAt ?? '');
    expect((await store.get('t')).body).toBe('Version 10: {{problem}}');
  });

  it('deletes with undo', async () => {
    const store = new TemplateStore(await tempDir());
    await store.save(template('gone'));
    await store.delete('gone');
    await expect(store.get('gone')).rejects.toMatchObject({ name: 'NotFoundError' });
    expect((await store.undoDelete('gone')).id).toBe('gone');
    expect((await store.get('gone')).name).toBe('Template gone');
  });

  it('shows a corrupt file as broken, with the reason, while the others load', async () => {
    const dir = await tempDir();
    const store = new TemplateStore(dir);
    await store.save(template('good'));
    await mkdir(join(dir, 'templates'), { recursive: true });
    await writeFile(join(dir, 'templates', 'bad.json'), '{"version": 1, "id": "bad",');
    await writeFile(join(dir, 'templates', 'wrong.json'), JSON.stringify({ version: 1, id: 'wrong', name: 'W' }));
    const list = await store.list();
    expect(list.find((e) => e.id === 'good')?.template?.name).toBe('Template good');
    expect(list.find((e) => e.id === 'bad')?.broken).toMatch(/not valid JSON/);
    expect(list.find((e) => e.id === 'wrong')?.broken).toMatch(/body/);
  });

  it('exports and re-imports templates unchanged', async () => {
    const a = new TemplateStore(await tempDir());
    await a.save(template('one'));
    await a.save({ ...template('two'), tags: ['x'], variables: [{ name: 'level', default: 'easy', description: 'd' }], body: '{{problem}} at {{level}}' });
    const json = await a.exportJson(['one', 'two', 'math']);
    const b = new TemplateStore(await tempDir());
    const importedIds = (await b.importJson(json.replace('"id": "math"', '"id": "math-copy"'))).map((t) => t.id);
    expect(importedIds).toEqual(['one', 'two', 'math-copy']);
    expect(await b.get('two')).toEqual(await a.get('two'));
  });

  it.each([
    ['malformed JSON', '{"templates": [', /Not JSON/],
    ['a wrong schema', JSON.stringify({ templates: [{ version: 1, id: 'x', name: 'X', body: '' }] }), /template 1 \("x"\): .*body/],
    ['an id that exists', JSON.stringify([{ ...template('keep'), name: 'Other' }]), /already exists/],
    ['a built-in id', JSON.stringify([template('math')]), /already exists/],
    ['a variable loop', JSON.stringify([{ ...template('loop'), body: '{{a}}', variables: [{ name: 'a', default: '{{b}}' }, { name: 'b', default: '{{a}}' }] }]), /loop: a → b → a/],
    ['a huge file', `[${' '.repeat(2 * 1024 * 1024)}]`, /larger than/],
  ])('refuses %s, importing nothing and leaving existing templates alone', async (_label, text, message) => {
    const dir = await tempDir();
    const store = new TemplateStore(dir);
    await store.save(template('keep'));
    const mixed = text.startsWith('[{') ? text.replace(/^\[/, `[${JSON.stringify(template('fresh'))},`) : text;
    await expect(store.importJson(mixed)).rejects.toMatchObject({ name: 'ValidationError', message });
    expect((await store.get('keep')).name).toBe('Template keep');
    expect((await readdir(join(dir, 'templates'))).filter((n) => n.endsWith('.json'))).toEqual(['keep.json']);
  });
});
