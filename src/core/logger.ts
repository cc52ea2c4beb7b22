/** The few log calls core makes; shells decide where lines go (console, file). */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const consoleLogger: Logger = {
  info: (m) => console.log(m),
  warn: (m) => console.warn(`warning: ${m}`),
  error: (m) => console.error(`error: ${m}`),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
