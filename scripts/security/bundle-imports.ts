/**
 * What the built main and preload bundles load from outside themselves. In the
 * packaged app only `dependencies` are in node_modules (Vite bundles the rest),
 * so every bare import must be a Node built-in, electron, or a dependency.
 */
import { builtinModules } from 'node:module';

const importPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["']([^"'./][^"']*)["']/g;

/** Package names of the bare specifiers in a bundle (`node:` built-ins included as written). */
export function bareImports(code: string): string[] {
  const names = new Set<string>();
  for (const match of code.matchAll(importPattern)) {
    const specifier = match[1] ?? '';
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
  }
  return [...names].sort();
}

/** The imports the packaged app could not resolve. */
export function unresolvableImports(imports: readonly string[], dependencies: readonly string[]): string[] {
  const builtins = new Set(builtinModules);
  return imports.filter((name) => {
    if (name.startsWith('node:') || builtins.has(name) || name === 'electron') return false;
    return !dependencies.includes(name);
  });
}
