import { getLlama, readGgufFileInfo } from 'node-llama-cpp';
import { writeFileSync } from 'node:fs';
const llama = await getLlama({ gpu: false });
console.log('gpu', llama.gpu, await llama.getGpuDeviceNames(), await llama.getVramState(), llama.cpuMathCores);
try { const m = await llama.loadModel({ modelPath: '/tmp/tiny.gguf', gpuLayers: 28 }); console.log('layers', m.gpuLayers, m.fileInsights.totalLayers); await m.dispose(); } catch (e) { console.log('gpuLayers err:', (e as Error).message); }
const m = await llama.loadModel({ modelPath: '/tmp/tiny.gguf' });
console.log('trainCtx', m.trainContextSize, 'size', m.size, 'fileType', m.fileInfo.metadata.general.file_type, 'params', m.fileInsights.totalLayers);
try { const c = await m.createContext({ contextSize: 50_000_000 }); console.log('ctx', c.contextSize); } catch (e) { console.log('ctx err:', (e as Error).constructor.name, (e as Error).message); }
const c2 = await m.createContext({ contextSize: 'auto' as any, threads: 2 }); console.log('auto ctx', c2.contextSize);
writeFileSync('/tmp/notgguf.gguf', 'hello world this is not a gguf');
for (const p of ['/tmp/nope.gguf', '/tmp/notgguf.gguf']) { try { await readGgufFileInfo(p); } catch (e) { console.log(p, (e as Error).constructor.name, (e as Error).message.slice(0, 150)); } }
const buf = (await import('node:fs')).readFileSync('/tmp/tiny.gguf');
writeFileSync('/tmp/trunc.gguf', buf.subarray(0, 60000));
try { const i = await readGgufFileInfo('/tmp/trunc.gguf'); console.log('trunc info ok', i.tensorCount); await llama.loadModel({ modelPath: '/tmp/trunc.gguf' }); console.log('trunc loaded!?'); } catch (e) { console.log('trunc', (e as Error).constructor.name, (e as Error).message.slice(0, 200)); }
writeFileSync('/tmp/trunc2.gguf', buf.subarray(0, 3000));
try { await readGgufFileInfo('/tmp/trunc2.gguf'); console.log('trunc2 ok') } catch (e) { console.log('trunc2', (e as Error).message.slice(0, 200)); }
await llama.dispose();
