import { useEffect, useState } from "react";

/* global requestAnimationFrame, cancelAnimationFrame, setTimeout, clearTimeout */

/**
 * True once `ready` has been true for one painted frame. A step renders its main controls first and what it shows
 * below them (lazy chunks of their own) only then, so the controls can be used before those chunks are fetched.
 */
export function useAfterPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    // requestAnimationFrame runs before the frame is painted; the timeout after it runs once it has been.
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timeout = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timeout !== undefined) clearTimeout(timeout);
    };
  }, [ready, painted]);
  return painted;
}
