import { createContext, useContext } from 'react';

/** True while the presenter hides paths (screenshares): file paths, the model's path, tokens. */
export const PrivacyContext = createContext(false);

export const hiddenPath = '•••';

/** A path as the UI may show it: itself, or a mask while privacy is on. */
export function usePrivatePath(): (path: string) => string {
  const privacy = useContext(PrivacyContext);
  return (path) => (privacy ? hiddenPath : path);
}
