/**
 * The API's method and event names as plain data, free of zod, so the
 * sandboxed preload can bundle them cheaply. `contract.ts` checks at compile
 * time that these lists equal the keys of the schemas, in both directions.
 */
export const methodNames = [
  'getAppInfo',
  'getSettings',
  'updateSettings',
  'ping',
  'listModels',
  'openModelFile',
  'startDownload',
  'cancelDownload',
  'loadModel',
  'cancelLoad',
  'unloadModel',
  'getModelStatus',
  'generate',
  'stopGeneration',
  'answerNow',
  'resetConversation',
  'listProblems',
  'getProblem',
  'saveProblem',
  'importProblem',
  'deleteProblem',
  'judgeCode',
  'runCustom',
  'getCompanionStatus',
  'listTemplates',
  'saveTemplate',
  'deleteTemplate',
  'undoDeleteTemplate',
  'templateHistory',
  'restoreTemplate',
  'exportTemplates',
  'importTemplates',
  'previewTemplate',
  'takeDesktopCommands',
  'listSessions',
  'getSession',
  'saveSession',
  'renameSession',
  'duplicateSession',
  'deleteSession',
  'undoDeleteSession',
  'exportSession',
  'importSession',
  'createSession',
  'updateSession',
  'forkSession',
  'askSession',
  'answerInProgress',
  'judgeSession',
  'solveSession',
  'stopSolve',
  'solveInProgress',
  'fixUntilAccepted',
  'stopFix',
  'fixInProgress',
  'stressSession',
  'stopStress',
  'stressInProgress',
  'listDamagedFiles',
  'startEval',
  'stopEval',
  'listEvals',
  'getEvalReport',
] as const;
export type MethodName = (typeof methodNames)[number];

export const eventNames = [
  'pinged',
  'settingsChanged',
  'modelStatus',
  'downloadState',
  'generationDelta',
  'generationFinished',
  'repetitionDetected',
  'problemsChanged',
  'judgeProgress',
  'templatesChanged',
  'desktopCommand',
  'sessionsChanged',
  'problemImported',
  'evalProgress',
  'solveUpdate',
  'fixProgress',
  'stressUpdate',
] as const;
export type EventName = (typeof eventNames)[number];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (methodNames as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (eventNames as readonly string[]).includes(value);
}

/** Electron IPC channel for a method; one channel per method, never a catch-all. */
export function methodChannel(method: MethodName): string {
  return `workbench:call:${method}`;
}

/** The single IPC channel main uses to push events to the renderer. */
export const eventChannel = 'workbench:event';
